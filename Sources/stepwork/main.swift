print("stepwork: under construction")
