-- wrk script: GET a random path of the pairs file as its user.
-- Each line of $BENCH_PAIRS is `<bearer token> <path>`; every request picks one at random.
local targets = {}
for line in io.lines(os.getenv("BENCH_PAIRS")) do
  local token, path = line:match("^(%S+) (%S+)$")
  if token then targets[#targets + 1] = { token, path } end
end
math.randomseed(os.time() + tonumber(tostring(targets):match("0x(%x+)") or "0", 16))

request = function()
  local target = targets[math.random(#targets)]
  return wrk.format("GET", target[2], { ["Authorization"] = "Bearer " .. target[1] })
end
