#!/usr/bin/env python3
"""Lists import cycles between the modules of a crate: `.ci/module_cycles.py [ROOT] [--top]`.

A module is a file (`web/mod.rs` is `web`, `web/error.rs` is `web::error`); with `--top`, a
top-level folder or file of the crate. An edge A -> B is any `crate::…` path written in A (in
`use`, grouped `use crate::{…}`, or inline) that leads to B: the deepest module the path names.
Test code (after the first `#[cfg(test)]`) and comments are ignored. Prints every strongly
connected component of more than one module with the files that make its edges; exits 1 when
there is one. CI runs it on server/src and app/src.

With `--pages`, a page module is one that defines a `#[component] pub fn …Page`, and any edge
into a page module is refused too: only the router (lib.rs, not a module here) names pages, so
no page or component ever reaches into a page.
"""
import os
import re
import sys
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith("--")]
root = args[0] if args else "server/src"
top_only = "--top" in sys.argv
pages_only = "--pages" in sys.argv

files = {}
for dirpath, _, names in os.walk(root):
    for name in names:
        if name.endswith(".rs"):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)[:-3].split(os.sep)
            if rel[-1] == "mod":
                rel = rel[:-1]
            if rel in (["main"], ["lib"]):
                continue
            files["::".join(rel)] = path
modules = set(files)

def resolve(segments):
    """The deepest module a `crate::` path names."""
    for n in range(len(segments), 0, -1):
        name = "::".join(segments[:n])
        if name in modules:
            return name
    return None

def paths(text, name):
    """Every `crate::` (or `super::`) path in the text, as segments from the crate's root;
    grouped uses expanded one level deep."""
    parent = name.split("::")[:-1]
    for anchor, base in (("crate", []), ("super", parent[:-1] if False else parent)):
        if anchor == "super":
            # `super::` in `a::b` (a file a/b.rs) is `a`; in a mod.rs module `a::b`, it is `a`
            # as well: both name the parent of the module.
            base = parent
        for m in re.finditer(rf"\b{anchor}::((?:\w+::)*)\{{([^}}]*)\}}", text):
            prefix = [p for p in m.group(1).split("::") if p]
            for part in m.group(2).split(","):
                segs = [p.strip() for p in part.strip().split("::") if p.strip()]
                if segs and re.match(r"^\w+$", segs[0]):
                    yield base + prefix + [s for s in segs if re.match(r"^\w+$", s)]
        for m in re.finditer(rf"\b{anchor}::((?:\w+::)*\w+)", text):
            yield base + m.group(1).split("::")

edges = defaultdict(lambda: defaultdict(set))
for name, path in files.items():
    text = open(path, encoding="utf-8").read()
    cut = text.find("#[cfg(test)]")
    if cut >= 0:
        text = text[:cut]
    text = re.sub(r"//[^\n]*", "", text)
    source = name.split("::")[0] if top_only else name
    for segs in paths(text, name):
        target = resolve(segs)
        if target is None:
            continue
        if top_only:
            target = target.split("::")[0]
        # A module may use what its own parent (`mod.rs`) declares and vice versa only through
        # real items; a module's own children are part of it.
        if target == source or target.startswith(source + "::"):
            continue
        edges[source][target].add(os.path.relpath(path, root))
nodes = {n.split("::")[0] for n in modules} if top_only else modules

index, low, stack, on, sccs = {}, {}, [], set(), []
counter = [0]
sys.setrecursionlimit(100000)
def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges.get(v, {}):
        if w not in nodes:
            continue
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        sccs.append(comp)

for v in sorted(nodes):
    if v not in index:
        visit(v)
cycles = [sorted(c) for c in sccs if len(c) > 1]
for comp in cycles:
    print(f"cycle among {len(comp)} modules: {', '.join(comp)}")
    for a in comp:
        for b in comp:
            if b in edges[a]:
                where = sorted(edges[a][b])
                print(f"  {a} -> {b} ({', '.join(where[:3])}{' …' if len(where) > 3 else ''})")
print(f"{root}: {len(nodes)} modules, {sum(len(t) for t in edges.values())} edges, {len(cycles)} cycles")
into_pages = []
if pages_only:
    page_modules = {
        n
        for n, path in files.items()
        if re.search(r"#\[component\]\s*pub fn \w+Page\b", open(path, encoding="utf-8").read())
    }
    for a in sorted(edges):
        for b in sorted(edges[a]):
            if b in page_modules:
                into_pages.append((a, b))
                print(f"  {a} imports the page module {b} ({', '.join(sorted(edges[a][b]))})")
    print(f"{root}: {len(page_modules)} page modules, {len(into_pages)} imports into them")
sys.exit(1 if cycles or into_pages else 0)
