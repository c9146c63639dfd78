-- POST /v1/articles with a new article each request (unique id and text).
local n = 0
local words = {"council", "harbour", "budget", "strike", "festival", "bridge", "election", "flood"}
request = function()
  n = n + 1
  local id = string.format("load-%d-%d", math.random(1000000000), n)
  local w1 = words[math.random(#words)]
  local w2 = words[math.random(#words)]
  local body = string.format(
    '{"id":"%s","title":"The %s and the %s in Porto","text":"Officials in Porto said on Monday that the %s would be discussed with the %s committee, item %s. Residents asked for answers about the %s before the vote next week, according to the mayor."}',
    id, w1, w2, w1, w2, id, w2)
  return wrk.format("POST", "/v1/articles", {["Content-Type"] = "application/json"}, body)
end
