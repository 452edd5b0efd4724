#!/usr/bin/env python3
"""Every route in a staff member's name takes the `Staff` extractor: `.ci/staff_routes.py`.

Reads the router (server/src/web/mod.rs); for each route under /admin, /raad or /logout, finds
the handler it names (`crate::capability::file::function`) and fails unless the handler's
signature has an argument of type `Staff` (`auth::Staff`: the session read before the handler
runs). A route whose handler is built by a function (a download) is checked in that function.
"""
import re
import sys

router = open("server/src/web/mod.rs", encoding="utf-8").read()
routes = re.findall(r'\.route\(\s*"(/(?:admin|raad|logout)[^"]*)",\s*([^)]*?crate::[\w:]+)', router)
missing, checked = [], 0
for path, handler in routes:
    name = re.search(r"crate::([\w:]+)", handler).group(1)
    *module, function = name.split("::")
    source = open(f"server/src/{'/'.join(module)}.rs", encoding="utf-8").read()
    m = re.search(rf"pub (?:async )?fn {function}\b[^{{]*\{{", source, re.S)
    body = source[m.end():] if m else ""
    signature = m.group(0) if m else ""
    # A route-building function takes the extractor in the closure it returns.
    if not m or not ("Staff" in signature or ("MethodRouter" in signature and "staff: Staff" in body[:600])):
        missing.append(f"{path} -> {name}")
    checked += 1
for line in missing:
    print(f"  no Staff extractor: {line}")
print(f"{checked} staff routes, {len(missing)} without the Staff extractor")
sys.exit(1 if missing or checked == 0 else 0)
