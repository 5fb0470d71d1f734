-- wrk script: POST /v1/entries (a journal entry of ~400 characters) as a random user of the
-- pairs file ($BENCH_PAIRS, `<bearer token> <path>` a line; only the token is used).
local tokens = {}
for line in io.lines(os.getenv("BENCH_PAIRS")) do
  local token = line:match("^(%S+) ")
  if token then tokens[#tokens + 1] = token end
end
math.randomseed(os.time() + tonumber(tostring(tokens):match("0x(%x+)") or "0", 16))
local body = '{"kind":"journal","title":"A bench entry","body":"' .. string.rep("One day at a time. ", 20) .. '"}'

request = function()
  local token = tokens[math.random(#tokens)]
  return wrk.format("POST", "/v1/entries",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
