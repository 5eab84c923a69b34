"""The project's own imports follow its layers, and no module imports itself round a loop.

Read from the source with `ast` (imports inside functions count too): an app may import the
apps in the layers below its own, and nothing else of ours. The layers, lowest first, are
written once here; the README's "Where things live" table follows the same order.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LAYERS = (
    ("core",),  # site-wide blocks, the one rule for "public", navigation
    ("casestudies",),  # practice pages and the editor-owned taxonomies
    ("search",),  # the library: index, change log, query layer, views and API
    # Roles and workflow; roadmap; home and standard pages; what people search for.
    ("moderation", "roadmap", "home", "insight"),
    # How change happens (the driver pages); importing practice from spreadsheets; keeping it
    # reviewed.
    ("drivers", "intake", "reviews", "alerts"),
    ("accounts",),  # signing in: lockout after failures, the two-step sign-in
    ("tilondon",),  # configuration: settings, URLs, health
    ("demo",),  # demo content: imported only by the benchmarks, which browse the demo site
    ("benchmarks",),  # benchmarks and fault harnesses: imported by nothing
)
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}


def project_modules():
    """Module name -> path, for every Python file of the project's own apps (not tests)."""
    modules = {}
    for app in LAYER_OF:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imports_of(name, path, modules):
    """The project modules that `name` imports, wherever in the file the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` imports the module; `from module import name`, the
            # module.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        for target in targets:
            # The longest project module the import names.
            parts = target.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in modules:
                    if candidate != name:
                        found.add(candidate)
                    break
    return found


def import_graph():
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def test_every_app_imports_only_the_layers_below_it():
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if (app := module.split(".")[0]) != (other := target.split(".")[0])
        and LAYER_OF[other] >= LAYER_OF[app]
    )
    assert wrong == [], "imports against the layers:\n" + "\n".join(wrong)


def test_no_module_imports_itself_round_a_loop():
    graph = import_graph()
    loops, state = [], {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                loops.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert loops == [], "import loops:\n" + "\n".join(loops)


def test_the_layers_name_every_app_of_the_project():
    apps = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "scripts", "static", "templates"}
    }
    assert apps == set(LAYER_OF)
