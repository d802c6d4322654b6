"""Random inputs from a seed. Hypothesis draws the seed (and reports it on failure); the input
is built by ``random.Random`` in plain Python, which costs microseconds where drawing every
node through hypothesis costs milliseconds: the suite runs tens of thousands of examples."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from provlint.catalog import load_catalog
from tests.paths import fixture

CATALOG = load_catalog("1.5")
NAMES = sorted(set(CATALOG.settings_fields) | set(CATALOG.provider_ids[:8]) | set(CATALOG.request_types[:4]) | {
    "providers", "provider", "keys", "value", "name", "models", "weight", "base_url", "type", "url",
    "username", "password", "extra_headers", "Authorization", "env_var", "$schema", "config_hash",
    "request_path_overrides", "allowed_requests", "base_provider_type", "is_key_less", "ca_cert_pem",
    "insecure_skip_verify", "allow_private_network", "max_retries", "retry_backoff_initial",
    "retry_backoff_max", "concurrency", "buffer_size", "azure_key_config", "endpoint", "deployments",
    "provider_status", "", "OpenAI", "custom-x", "a/b", "~1", "0",
})
STRINGS = [
    "env.X", "env.", "env.NOPE", "env.OPENAI_API_KEY", "http://10.0.0.1:80/", "https://u:p@h/x", "*", "0",
    "-1", "1e999", "sk-proj-Zk7pQ2vLm9XwR4tY8uB3nC6d", "\x1b[2J", "\u202e", "\ud800", "a\nb", "", " ",
    "http://169.254.169.254/latest", "socks5", "http", "none", "500ms", "<REDACTED>", "gpt-4o",
    "-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----", "vault.a/b", "/v1/chat", "openai",
]
# Small real documents of every kind, the bases values are planted in and mutations start from.
JSON_FIXTURES = [
    fixture("demo/add-provider.json").read_bytes(),
    fixture("demo/config.json").read_bytes(),
    fixture("bifrost-examples/docker-volume__config.json").read_bytes(),
    fixture("bifrost-examples/github__workflows__configs__default__config.json").read_bytes(),
]
YAML_FIXTURES = [fixture("demo/config.yaml").read_bytes()]
BASES = [json.loads(raw) for raw in JSON_FIXTURES] + [
    {"provider": "openai", "keys": [{"name": "k", "value": "env.X", "models": ["*"], "weight": 1}],
     "network_config": {"base_url": "https://h", "extra_headers": {"X-A": "b"}, "max_retries": 2},
     "proxy_config": {"type": "http", "url": "http://p:1"}, "concurrency_and_buffer_size": {"concurrency": 1, "buffer_size": 2}},
    {"network_config": {"default_request_timeout_in_seconds": 30}, "custom_provider_config": {"base_provider_type": "openai"}},
    {"name": "openai", "provider_status": "active", "config_hash": "abc", "keys": []},
]


def text(rng: random.Random, size: int = 8) -> str:
    alphabet = "aZ09 _-./:*~\"\\\t\n\r\x00\x1b\u00e9\u202e\ufeff\U0001f600"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, size)))


def scalar(rng: random.Random) -> Any:
    pick = rng.randrange(9)
    if pick == 0:
        return None
    if pick == 1:
        return rng.random() < 0.5
    if pick == 2:
        return rng.choice([0, 1, -1, 2**31, 2**63, -(2**63) - 1, 10**30, rng.randint(-1000, 1000)])
    if pick == 3:
        return rng.choice([0.5, -0.0, 1e308, 5e-324, rng.uniform(-1e6, 1e6)])
    if pick in (4, 5):
        return rng.choice(STRINGS)
    if pick == 6:
        return rng.choice(CATALOG.provider_ids)
    return text(rng)


def value(rng: random.Random, depth: int = 0) -> Any:
    """An arbitrary JSON value, mostly small, sometimes nested."""
    pick = rng.randrange(10)
    if depth >= 4 or pick < 6:
        return scalar(rng)
    if pick < 8:
        return [value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {key(rng): value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def key(rng: random.Random) -> str:
    return rng.choice(NAMES) if rng.random() < 0.8 else text(rng, 5)


def _containers(node: Any, found: list) -> list:
    if isinstance(node, (dict, list)):
        found.append(node)
        for member in node.values() if isinstance(node, dict) else node:
            _containers(member, found)
    return found


def planted(rng: random.Random) -> Any:
    """A real document with arbitrary values put in, over or beside its members."""
    document = copy.deepcopy(rng.choice(BASES))
    for _ in range(rng.randint(1, 3)):
        target = rng.choice(_containers(document, []))
        if isinstance(target, dict):
            name = rng.choice(sorted(target)) if target and rng.random() < 0.6 else key(rng)
            target[name] = value(rng)
        elif target and rng.random() < 0.7:
            target[rng.randrange(len(target))] = value(rng)
        else:
            target.append(value(rng))
    return document


FRAGMENTS = [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\n", b"\r", b"\t", b" ", b"\x00", b"\xff", b"\xc3",
             b"\xef\xbb\xbf", b"NaN", b"-Infinity", b"1e400", b"0x1F", b"null", b"true", b"9" * 40, b"&a", b"*a",
             b"!!int", b"- ", b"? ", b"|", b">", b"#", b"---", b"...", b"%YAML 1.1", b"<<: *a", b"\xe2\x80\xae"]


def mutated(rng: random.Random, raw: bytes) -> bytes:
    """``raw`` after a few random edits: truncation, byte flips, inserted syntax, deleted or
    repeated slices."""
    data = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        where = rng.randint(0, len(data))
        pick = rng.randrange(6)
        if pick == 0:
            del data[where:]
        elif pick == 1 and data:
            spot = min(where, len(data) - 1)
            data[spot] ^= 1 << rng.randrange(8)
        elif pick == 2:
            data[where:where] = rng.choice(FRAGMENTS)
        elif pick == 3:
            del data[where:where + rng.randint(1, 20)]
        elif pick == 4:
            end = min(len(data), where + rng.randint(1, 40))
            data[where:where] = data[where:end] * rng.randint(1, 3)
        else:
            data[where:where] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
    return bytes(data)


ODD_SCALARS = [
    "yes", "no", "on", "off", "y", "N", "~", "null", "Null", "", "0o17", "017", "0x1F", "0b101", "1_000",
    "12:34:56", "1:20", ".inf", "-.inf", ".nan", "1e3", ".5e5", "+12", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
    "<<", "=", "'single ''quoted'''", '"double \\x41\\u263A\\n"', '"\\ud800"', "'multi\n  line'", "*undefined",
    "env.X", "sk-proj-Zk7pQ2vLm9XwR4tY8uB3nC6d", "http://u:p@10.0.0.1", "0x" + "f" * 5000, "9" * 5000,
    "1" * 30, "-0", "0.", "@reserved", "`tick", "%percent", "a: b", "- x", "# not a comment",
]
TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!binary", "!!timestamp", "!custom",
        "!<tag:yaml.org,2002:str>", "!!python/object/apply:os.system", "!!set", "!!omap", "!", "!!merge"]


def yaml_document(rng: random.Random) -> str:
    """A YAML document with anchors, aliases, merges, tags, odd scalars and every style."""
    anchors: list[str] = []
    lines: list[str] = []
    if rng.random() < 0.15:
        lines.append(rng.choice(["%YAML 1.1", "%YAML 1.2", "%TAG !e! tag:example.com,2000:", "%YAML 1.1\n%YAML 1.1"]))
        lines.append("---")
    elif rng.random() < 0.1:
        lines.append("---")
    top = rng.choice(["providers", "provider", "network_config", "keys", key(rng)])
    _yaml_mapping(rng, lines, 0, 0, anchors, first_key=top)
    if rng.random() < 0.05:
        lines.append(rng.choice(["---", "...", "--- second", "... \n---\na: 1"]))
    return "\n".join(lines) + rng.choice(["\n", "", "\r\n", "\n\n"])


def _yaml_node_prefix(rng: random.Random, anchors: list[str]) -> str:
    parts = []
    if rng.random() < 0.2:
        name = rng.choice(["a", "b", "c", "x" * rng.randint(1, 3)])
        anchors.append(name)
        parts.append("&" + name)
    if rng.random() < 0.12:
        parts.append(rng.choice(TAGS))
    return " ".join(parts)


def _yaml_scalar(rng: random.Random) -> str:
    pick = rng.randrange(5)
    if pick == 0:
        return rng.choice(ODD_SCALARS)
    if pick == 1:
        return json.dumps(scalar(rng))  # a JSON scalar is a YAML flow scalar
    if pick == 2:
        return rng.choice(STRINGS[:12]).replace("\n", " ")
    if pick == 3:
        return rng.choice(["[]", "{}", "[1, *a]", "{a: 1, b: [2]}", "[&z 1, *z]", "{<<: *a}", "[[[[[]]]]]"])
    return text(rng, 6).replace("\n", " ")


def _yaml_value(rng: random.Random, lines: list[str], head: str, indent: int, depth: int, anchors: list[str]) -> None:
    """Ends ``head`` (a "key:" or "-" at ``indent``) with a value: inline, block scalar or nested."""
    prefix = _yaml_node_prefix(rng, anchors)
    pick = rng.randrange(10)
    if anchors and pick == 0:
        lines.append(f"{head} *{rng.choice(anchors + ['undefined'])}")
    elif depth < 4 and pick in (1, 2):
        lines.append(f"{head} {prefix}".rstrip())
        _yaml_mapping(rng, lines, indent + rng.choice([1, 2, 4]), depth + 1, anchors)
    elif depth < 4 and pick == 3:
        lines.append(f"{head} {prefix}".rstrip())
        for _ in range(rng.randint(1, 3)):
            _yaml_value(rng, lines, " " * (indent + 2) + "-", indent + 4, depth + 1, anchors)
    elif pick == 4:
        lines.append(f"{head} {prefix} {rng.choice(['|', '>', '|-', '>+', '|2'])}".replace("  ", " "))
        for _ in range(rng.randint(0, 3)):
            lines.append(" " * (indent + 2) + text(rng, 10).replace("\n", " ").replace("\r", " "))
    else:
        lines.append(f"{head} {prefix} {_yaml_scalar(rng)}".replace("  ", " ").rstrip())
    if rng.random() < 0.1:
        lines[-1] += rng.choice(["  # provlint: ignore[PL301]", " # comment", "  # provlint: disable-file", "\t"])


def _yaml_mapping(rng: random.Random, lines: list[str], indent: int, depth: int, anchors: list[str], first_key: str = "") -> None:
    for index in range(rng.randint(1, 4)):
        name = first_key if index == 0 and first_key else key(rng)
        if anchors and rng.random() < 0.1:
            lines.append(" " * indent + f"<<: *{rng.choice(anchors)}")
            continue
        shown = name if name and rng.random() < 0.8 else json.dumps(name)
        if rng.random() < 0.05:
            shown = "? " + shown + "\n" + " " * indent
        _yaml_value(rng, lines, " " * indent + shown + ":", indent, depth, anchors)


def SETTINGS_NAMES_IN(folder):
    """The settings files a fuzzed run left in ``folder``."""
    return [folder / name for name in ("provlint.toml", ".provlint.toml", "pyproject.toml") if (folder / name).exists()]


SETTINGS_KEYS = ["target-version", "select", "extend-select", "ignore", "per-file-ignores", "severity", "exceptions",
                 "roots", "fail-level", "exclude", "placeholder-patterns", "max-file-size", "selec", "unknown"]
SELECTORS = ["ALL", "NONE", "PL3", "PL301", "PL1", "insecure-skip-verify", "PL9", "PL902", "", " ", ",", "PL",
             "pl301", "PL30", "PL3011", "unknown-field", "nope", "PL301,PL101", "PL301,"]


def settings_value(rng: random.Random, name: str) -> Any:
    pick = rng.randrange(6)
    if pick == 0:
        return value(rng)
    if name in ("select", "extend-select", "ignore"):
        return [rng.choice(SELECTORS) for _ in range(rng.randint(0, 3))] if pick > 1 else rng.choice(SELECTORS)
    if name == "per-file-ignores":
        return {rng.choice(["*.json", "a/*", "", "[", "**"]): [rng.choice(SELECTORS)] for _ in range(rng.randint(0, 2))}
    if name == "severity":
        return {rng.choice(["PL301", "PL9", "insecure-skip-verify", "x"]): rng.choice(["error", "warning", "info", "off", "fatal", 1])}
    if name == "exceptions":
        return [{rng.choice(["files", "pointer", "rules", "reason", "why"]): rng.choice(["*", "/providers", "x", ["PL301"], ["ALL"], "", 3])
                 for _ in range(rng.randint(0, 4))} for _ in range(rng.randint(0, 2))]
    if name == "roots":
        return {rng.choice(["*.json", "*.yaml"]): rng.choice(["", "/a", "a", "/providers", 1])}
    if name == "target-version":
        return rng.choice(["1.5", "2.0", "1.4", 1.5, ""])
    if name == "fail-level":
        return rng.choice(["error", "warning", "info", "off", "warn"])
    if name == "max-file-size":
        return rng.choice([1, 32, 0, -1, 65537, 1.5, True, "32", 10**30])
    if name == "placeholder-patterns":
        return [rng.choice(["^sk-", "(", "a{99999}", "", "[a-"])]
    return value(rng)


def toml_value(item: Any, depth: int = 0) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return repr(item) if item == item and abs(item) != float("inf") else "nan"
    if isinstance(item, str):
        return json.dumps(item)  # JSON's escapes are TOML basic-string escapes (a lone surrogate is not)
    if isinstance(item, list):
        return "[" + ", ".join(toml_value(v, depth + 1) for v in item) + "]"
    if isinstance(item, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v, depth + 1)}" for k, v in item.items()) + "}"
    return '""'  # None: TOML has no null


def settings_text(rng: random.Random) -> tuple[str, str]:
    """(file name, text) of a settings file: mostly well-formed TOML with wrong or right values,
    sometimes broken text, a digit bomb, deep nesting or a non-table `[tool.provlint]`."""
    name = rng.choice(["provlint.toml", ".provlint.toml", "pyproject.toml"])
    table = {k: settings_value(rng, k) for k in rng.sample(SETTINGS_KEYS, rng.randint(0, 4))}
    body = "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in table.items())
    if name == "pyproject.toml":
        text = rng.choice([f"[tool.provlint]\n{body}\n", "[tool]\nprovlint = 1\n", "tool = [1]\n",
                           "[tool]\nprovlint = [1, 2]\n", f"[project]\nname = \"x\"\n[tool.provlint]\n{body}\n"])
    else:
        text = body + "\n"
    pick = rng.randrange(12)
    if pick == 0:
        text = "x = " + "9" * rng.choice([4301, 5000])
    elif pick == 1:
        depth = rng.choice([100, 1000, 5000])
        text = "x = " + "[" * depth + "]" * depth
    elif pick == 2:
        text = "x = " + "{a = " * 1000 + "1" + "}" * 1000
    elif pick == 3:
        text = mutated(rng, text.encode("utf-8", "surrogatepass")).decode("utf-8", "replace")
    return name, text


def baseline_text(rng: random.Random, entries: list[dict]) -> bytes:
    """A baseline file: the real entries of a run, perturbed, or no baseline at all."""
    chosen = [dict(e) for e in entries if rng.random() < 0.7]
    for entry in chosen:
        if rng.random() < 0.2:
            entry[rng.choice(["rule", "path", "pointer", "fingerprint", "extra"])] = scalar(rng)
    if rng.random() < 0.3 and entries:
        chosen += [dict(rng.choice(entries))] * rng.randint(1, 3)  # repeated entries
    document: Any = {"version": rng.choice([1, 1, 1, 2, "1", None]), "tool": "provlint", "findings": chosen}
    pick = rng.randrange(12)
    if pick == 0:
        document = value(rng)
    elif pick == 1:
        depth = rng.choice([1000, 100_000])
        return b"[" * depth + b"]" * depth
    raw = json.dumps(document, indent=rng.choice([None, 2]), ensure_ascii=False).encode("utf-8", "surrogatepass")
    return mutated(rng, raw) if pick == 2 else raw
