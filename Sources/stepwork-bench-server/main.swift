print("stepwork-bench-server: under construction")
