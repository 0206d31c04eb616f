"""Checks shared by the boto3 scenarios: one PASS/FAIL line per check, counted in ``results``."""
from botocore.exceptions import ClientError

results = {"passed": 0, "failed": 0}


def check(name, expected, actual):
    if expected == actual:
        print(f"PASS {name}", flush=True)
        results["passed"] += 1
    else:
        print(f"FAIL {name}: expected {expected!r} got {actual!r}", flush=True)
        results["failed"] += 1


def step(name, fn):
    """Runs one step; an exception fails that check and the scenario goes on."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - report and continue
        print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
        results["failed"] += 1


def error_code(fn):
    try:
        fn()
    except ClientError as e:
        return e.response["Error"]["Code"]
    return None
