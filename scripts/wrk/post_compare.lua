-- POST /v1/compare of two inline articles.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"a":{"title":"Fire in Porto harbour","text":"A fire broke out in a warehouse in the Porto harbour on Monday night, firefighters said. Nobody was hurt, and the blaze was under control by morning."},"b":{"title":"Warehouse blaze in Porto","text":"Firefighters put out a blaze at a harbour warehouse in Porto overnight on Monday. No injuries were reported, the fire service said on Tuesday."}}'
