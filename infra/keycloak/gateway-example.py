#!/usr/bin/env python3
"""A bank's system answering its execution orders over the API with its own credentials.

It gets a client-credentials token from Keycloak (gateway-icbc by default), lists the open
execution orders addressed to its institution, and answers each (execution or lifting) through the same task API
and validation as the portal: APPLIED with the accounts of the case held at this bank, or
NOTHING_TO_APPLY when it holds none. It can never see another institution's orders.

  python3 infra/keycloak/gateway-example.py            # answers every open order
  python3 infra/keycloak/gateway-example.py --list     # only lists them

APP_URL (http://localhost:8080), KEYCLOAK_URL (http://127.0.0.1:8180), CLIENT_ID
(gateway-icbc) and CLIENT_SECRET (the demo realm's secret) override the defaults.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

APP = os.environ.get("APP_URL", "http://localhost:8080")
KEYCLOAK = os.environ.get("KEYCLOAK_URL", "http://127.0.0.1:8180")
CLIENT_ID = os.environ.get("CLIENT_ID", "gateway-icbc")
CLIENT_SECRET = os.environ.get("CLIENT_SECRET", CLIENT_ID + "-demo-secret")


def token():
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": CLIENT_ID,
                                   "client_secret": CLIENT_SECRET}).encode()
    url = KEYCLOAK + "/realms/joint-discipline/protocol/openid-connect/token"
    with urllib.request.urlopen(urllib.request.Request(url, data=form)) as response:
        return json.load(response)["access_token"]


def api(bearer, method, path, body=None):
    request = urllib.request.Request(APP + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Authorization", "Bearer " + bearer)
    request.add_header("Accept", "application/json")
    request.add_header("Accept-Language", "zh-CN")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode() or "null")


def main():
    bearer = token()
    status, me = api(bearer, "GET", "/api/session")
    print(f"signed in as {me['username']} of {me['agencyName']} ({me['agencyCode']}), roles {me['roles']}")
    status, page = api(bearer, "GET", "/api/execution-orders?status=PENDING&size=200")
    orders = page["items"]
    print(f"{page['total']} open execution orders addressed to {me['agencyCode']}")
    for order in orders:
        print(f"  order {order['id']} of case {order['caseId']}, due {order['due']} ({order['dueStatus']})")
    if "--list" in sys.argv:
        return
    for order in orders:
        status, case = api(bearer, "GET", f"/api/discipline-cases/{order['caseId']}")
        held = [i["identifier"] for i in case.get("instruments", [])
                if i.get("institutionCode") == me["agencyCode"]]
        lifting = order["kind"] == "LIFTING"
        done, nothing = ("LIFTED", "NOTHING_TO_LIFT") if lifting else ("APPLIED", "NOTHING_TO_APPLY")
        answer = {"outcome": done, "affectedIdentifiers": "\n".join(held)} if held else {"outcome": nothing}
        status, problem = api(bearer, "POST", f"/api/tasks/{order['taskId']}/complete", answer)
        if status == 204:
            print(f"  answered {order['id']}: {answer['outcome']} {', '.join(held)}")
        else:
            print(f"  refused {order['id']} ({status}): {problem}")


if __name__ == "__main__":
    main()
