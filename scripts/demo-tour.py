#!/usr/bin/env python3
"""A walk through the API on the embedded demo database (H2), as a newcomer's first minutes would go:
every kind of write and every list, with their readable references, filters and the CSV import. The
test suites run on PostgreSQL; this is what proves the same queries on the demo's dialect. Exits 1 on
the first answer that is not the expected one. Usage: demo-tour.py http://127.0.0.1:8080"""
import json
import os
import sys
import uuid
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/") + "/api/v1"
RUN = uuid.uuid4().hex[:6]  # the demo database keeps what earlier runs made


def call(method, path, token=None, body=None, content_type="application/json", expect=(200, 201, 204)):
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = body.encode("utf-8") if isinstance(body, str) else json.dumps(body).encode("utf-8")
        headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(BASE + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8")
    if status not in expect:
        print(f"demo tour: {method} {path} answered {status}: {text[:300]}", file=sys.stderr)
        sys.exit(1)
    return json.loads(text) if text else None


def login(email, password, company=None):
    credentials = {"email": email, "password": password}
    if company:
        credentials["company"] = company
    return call("POST", "/auth/token", body=credentials)["accessToken"]


# The demo's first platform admin: the published defaults unless the environment names another.
platform = login(os.environ.get("ESTATEDESK_ADMIN_EMAIL", "admin@estatedesk.local"),
                 os.environ.get("ESTATEDESK_ADMIN_PASSWORD", "change-me-now"))
company = call("POST", "/companies", platform, {"name": f"Tour Homes {RUN}", "admin": {
    "name": "Tia Admin", "email": f"tia{RUN}@tour.test", "password": "tia-password"}})
admin = login(f"tia{RUN}@tour.test", "tia-password", company["slug"])
marketer = call("POST", "/marketers", admin, {"name": "Mo Marketer", "email": f"mo{RUN}@tour.test", "password": "mo-password"})
client = call("POST", "/clients", admin, {"name": "Cy Client", "email": f"cy{RUN}@tour.test", "password": "cy-password"})
assignment = call("POST", "/assignments", admin, {"clientId": client["id"], "marketerId": marketer["id"]})
assert assignment["client"]["uid"] == client["uid"], assignment
estate = call("POST", "/estates", admin, {"name": f"Tour Gardens {RUN}", "location": "Lekki", "size": 3,
                                         "sizeUnit": "HECTARES", "titleDeed": "GAZETTE"})
size = call("POST", "/plot-sizes", admin, {"size": "500 sqm"})
number = call("POST", "/plot-numbers", admin, {"number": "T-1"})
call("POST", f"/estates/{estate['id']}/plots", admin, {"plotSizeId": size["id"], "totalUnits": 3,
                                                       "plotNumberIds": [number["id"]]})
allocation = call("POST", "/allocations", admin, {"clientId": client["id"], "estateId": estate["id"],
                                                  "plotSizeId": size["id"], "plotNumberId": number["id"],
                                                  "paymentType": "FULL"})
assert allocation["estate"]["name"] == f"Tour Gardens {RUN}" and allocation["plotNumber"]["number"] == "T-1", allocation
cy = login(f"cy{RUN}@tour.test", "cy-password", company["slug"])
recipients = call("GET", "/messages/recipients", cy)["items"]
assert {r["role"] for r in recipients} == {"MARKETER", "COMPANY_ADMIN"}, recipients
message = call("POST", "/messages", cy, {"recipientId": marketer["accountId"], "type": "ENQUIRY", "body": "Hello"})
assert message["sender"]["uid"] == client["uid"], message
for path in ["/allocations", f"/allocations?marketerId={marketer['id']}", "/assignments", "/clients?status=ACTIVE",
             f"/clients?marketerId={marketer['id']}&q=cy", "/marketers?status=DEACTIVATED", "/summary", "/audit",
             "/messages?box=all"]:
    call("GET", path, admin)
call("GET", f"/companies?q={RUN}&order=newest", platform)
imported = call("POST", "/clients/import", admin, f"\ufeffname,email,phone\r\nIda Import,ida{RUN}@tour.test,\r\n",
                content_type="text/csv")
assert imported["imported"] == 1, imported
call("POST", "/assignments", admin, {"clientId": client["id"], "marketerId": marketer["id"]}, expect=(409,))
call("PATCH", f"/clients/{client['id']}", admin, {"status": "DEACTIVATED"})
call("POST", "/allocations", admin, {"clientId": client["id"], "estateId": estate["id"], "plotSizeId": size["id"],
                                     "paymentType": "PART"}, expect=(422,))
# An invitation on the demo: no email (no SMTP), the link is shown to the admin; following it sets the password.
invited = call("POST", "/marketers", admin, {"name": "Ivo Invited", "email": f"ivo{RUN}@tour.test", "invite": True})
assert invited["invitationEmailed"] is False and "/#/invitation/" in invited["invitationUrl"], invited
token = invited["invitationUrl"].rsplit("/", 1)[1]
assert invited["login"] == "INVITED", invited
preview = call("POST", "/auth/invitations/preview", None, {"token": token})
assert preview["email"] == f"ivo{RUN}@tour.test" and preview["company"]["slug"] == company["slug"], preview
call("POST", "/auth/invitations/accept", None, {"token": token, "password": "ivo-password"}, expect=(204,))
assert call("GET", f"/marketers/{invited['id']}", admin)["login"] == "ACTIVE"
call("POST", "/auth/invitations/accept", None, {"token": token, "password": "ivo-password"}, expect=(410,))
login(f"ivo{RUN}@tour.test", "ivo-password", company["slug"])
call("POST", "/auth/password-reset", None, {"email": f"ivo{RUN}@tour.test", "company": company["slug"]},
     expect=(202,))
history = call("GET", f"/activity?subjectType=client&subjectId={client['id']}", admin)["items"]
assert {"REGISTERED", "DEACTIVATED"} <= {entry["action"] for entry in history}, history
call("GET", f"/activity?company={company['id']}&from=2020-01-01", platform)
print("demo tour: every write and list answered as expected on the embedded database")
