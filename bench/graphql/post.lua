-- wrk script: POST the GraphQL page query (body prepared by run.sh in GRAPHQL_BODY_FILE).
local f = assert(io.open(os.getenv("GRAPHQL_BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
