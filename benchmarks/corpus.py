"""Deterministic corpora of realistic Bifrost configs for the benchmark (issue 12).

    python benchmarks/corpus.py OUT_DIR [--count 1000] [--line 1.5] [--corpus clean,mixed,heavy]

Three corpora per target line, written to ``OUT_DIR/<line>/<corpus>/NNNNN.json``:

- ``clean``: no finding at any level under default rules, nor under ``--select ALL`` when the
  variables of ``ENV_NAMES`` are set;
- ``mixed``: the clean files, except that every tenth (file 0 first) carries exactly one finding;
- ``heavy``: nearly every file carries findings of two to five rules.

File ``i`` depends only on (line, corpus, i), never on ``--count``, so a smaller corpus is a
prefix of a larger one and timings at 1, 100, 1,000 and 10,000 files compare like with like.
Every random choice comes from ``random.Random`` seeded with a string (seeded through SHA-512,
so independent of PYTHONHASHSEED): the same bytes on every run and every machine.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

CORPORA = ("clean", "mixed", "heavy")
BIG_FILE_BYTES = 135_000  # compact JSON; indented on disk it is about 200 KB
# Every 250th file (from file 99 on) is about 200 KB: one in the 100-file corpus, 40 in 10,000.
BIG_EVERY, BIG_FIRST = 250, 99
MIXED_EVERY = 10  # mixed: files 0, 10, 20, ... carry one finding
HEAVY_CLEAN_EVERY = 25  # heavy: files 24, 49, ... stay clean ("nearly every file")

# The env references the generated files use; the benchmark sets them so that PL901 (opt-in,
# part of "all rules") has nothing to say about a clean file.
ENV_NAMES = tuple(f"BENCH_SECRET_{n}" for n in range(16)) + ("BENCH_VERTEX_CREDENTIALS",)

_MODEL_WORDS = ("chat", "mini", "pro", "turbo", "vision", "embed", "large", "small", "flash", "reasoning")
_TEAMS = ("platform", "search", "support", "data", "billing", "mobile", "infra", "research")
# Some names as real teams write them (issue 12 asks for non-ASCII names in the corpus).
_NON_ASCII = ("clé-équipe", "zürich-primär", "主キー", "ключ-основной", "café-prod", "señal-α")
_HEAVY_MIN, _HEAVY_MAX = 2, 5


@dataclass(frozen=True)
class LineFacts:
    """What the generator needs to know about one Bifrost line."""

    line: str
    schema_url: str | None
    provider_ids: tuple[str, ...]
    custom_bases: tuple[str, ...]
    request_types: tuple[str, ...]
    key_configs: dict[str, dict[str, Any]]  # provider id -> {"config": name, "field": name | None}
    secret_fields: dict[str, tuple[str, ...]]  # sub-config name -> its secret fields
    path_overrides_forbidden: tuple[str, ...]
    backoff_min_ms: int
    backoff_max_ms: int
    max_retries_warn: int
    wildcard: str


# The lines the generator writes clean files for (tests/test_bench_corpus.py proves each): the
# last 1.x line and the newest 2.x line, whose configs carry 2.x fields (_network, _key_2x).
GENERATED_LINES = ("1.5", "2.2")
# Required members of key sub-configs beyond the one field the catalog's key_config
# requirements name (2.x's GitHub Copilot keys are a GitHub App: app, installation, repository).
_SUB_CONFIG_REQUIRED = {
    "github_copilot_key_config": {"app_id": "env.BENCH_SECRET_14", "installation_id": "env.BENCH_SECRET_15",
                                  "repository_id": "R_kgDOBench"},
}


def target_lines() -> list[str]:
    """The lines provlint can lint and the generator can write. With ``line_facts`` the only
    code that reads the catalog."""
    from provlint.catalog import lintable_versions

    return [line for line in lintable_versions() if line in GENERATED_LINES]


def line_facts(line: str) -> LineFacts:
    """The catalog facts of ``line`` (kept in one place: the catalog's API is changing)."""
    from provlint.catalog import load_catalog

    from provlint.rules import find_rule

    catalog = load_catalog(line)
    urls = list(catalog.schema_urls) or [None]
    return LineFacts(
        line=line,
        schema_url=urls[0],
        provider_ids=tuple(catalog.provider_ids),
        custom_bases=tuple(catalog.custom_provider_bases),
        request_types=tuple(catalog.request_types),
        key_configs={k: {"config": v.config, "field": v.field} for k, v in catalog.key_config_requirements.items()},
        secret_fields={k: tuple(v) for k, v in catalog.secret_fields.items()},
        path_overrides_forbidden=tuple(catalog.path_overrides_forbidden_bases),
        backoff_min_ms=catalog.bounds.retry_backoff_min_ms,
        backoff_max_ms=catalog.bounds.retry_backoff_max_ms,
        max_retries_warn=find_rule("PL404").options["max"],
        wildcard=catalog.model_wildcard,
    )


# ---------------------------------------------------------------------------------------------
# A clean config


def _env(rng: random.Random) -> str:
    return "env." + rng.choice(ENV_NAMES[:-1])


def _name(rng: random.Random, stem: str, n: int) -> str:
    label = rng.choice(_NON_ASCII) if rng.random() < 0.08 else rng.choice(_TEAMS)
    return f"{stem}-{label}-{n}"


def _models(rng: random.Random, facts: LineFacts, stem: str) -> list[str]:
    if rng.random() < 0.3:
        return [facts.wildcard]
    words = rng.sample(_MODEL_WORDS, rng.randint(1, 4))
    return [f"{stem}-{w}-{rng.randint(1, 5)}" for w in words]


def _sub_config(rng: random.Random, facts: LineFacts, provider: str) -> tuple[str, dict] | None:
    """The per-key sub-config a provider needs (or, for secret-holding ones, usually has)."""
    need = facts.key_configs.get(provider)
    name = need["config"] if need else f"{provider}_key_config"
    if need is None and name not in facts.secret_fields:
        return None
    config: dict[str, Any] = {}
    if need and need.get("field") == "url":
        config["url"] = f"http://localhost:{rng.choice((8000, 11434, 30000))}"
    elif need and need.get("field"):
        config[need["field"]] = f"https://{rng.choice(_TEAMS)}-{provider}.example.com"
    for secret in facts.secret_fields.get(name, ())[:2]:
        config[secret] = "env.BENCH_VERTEX_CREDENTIALS" if "credentials" in secret else _env(rng)
    for member, value in _SUB_CONFIG_REQUIRED.get(name, {}).items():
        config.setdefault(member, value)
    return name, config


def _is_2x(facts: LineFacts) -> bool:
    return facts.line.split(".")[0] == "2"


def _key(rng: random.Random, facts: LineFacts, provider: str, n: int) -> dict:
    key: dict[str, Any] = {"name": _name(rng, provider, n), "value": _env(rng)}
    key["models"] = _models(rng, facts, provider)
    key["weight"] = rng.choice((1, 1.0, 0.5, 2, 0.25))
    sub = _sub_config(rng, facts, provider)
    if sub:
        key[sub[0]] = sub[1]
    if rng.random() < 0.2:
        key["use_for_batch_api"] = rng.random() < 0.5
    if _is_2x(facts):
        _key_2x(rng, key)
    return key


def _key_2x(rng: random.Random, key: dict) -> None:
    """A field a 2.x key has and a 1.x key has not (``description`` is read-only in 2.x)."""
    key["enabled"] = rng.random() < 0.9


def _network(rng: random.Random, facts: LineFacts, provider: str, custom: bool) -> dict:
    network: dict[str, Any] = {}
    if custom or rng.random() < 0.4:
        if rng.random() < 0.2:
            network["base_url"] = f"https://llm.{rng.choice(_TEAMS)}.internal:8443/{provider}"
            network["allow_private_network"] = True
        else:
            network["base_url"] = f"https://llm-egress.{rng.choice(_TEAMS)}.example.com/{provider}"
    network["default_request_timeout_in_seconds"] = rng.choice((30, 60, 120, 300))
    if rng.random() < 0.6:
        network["max_retries"] = rng.randint(0, facts.max_retries_warn)
        initial = rng.choice((facts.backoff_min_ms, 250, 500, 1000))
        network["retry_backoff_initial"] = initial
        network["retry_backoff_max"] = min(facts.backoff_max_ms, initial * rng.choice((4, 10, 20)))
    if rng.random() < 0.3:
        network["extra_headers"] = {"x-team": rng.choice(_TEAMS), "x-request-source": "bifrost"}
    if _is_2x(facts) and rng.random() < 0.5:  # 2.x only
        network["stream_idle_timeout_in_seconds"] = rng.choice((30, 60, 120))
        network["max_conns_per_host"] = rng.choice((50, 100, 500))
    return network


def _custom(rng: random.Random, facts: LineFacts, base: str) -> dict:
    allowed = rng.sample(facts.request_types, rng.randint(2, 8))
    custom: dict[str, Any] = {"base_provider_type": base, "is_key_less": False}
    custom["allowed_requests"] = {request: True for request in allowed}
    if base not in facts.path_overrides_forbidden and rng.random() < 0.5:
        custom["request_path_overrides"] = {allowed[0]: f"/v1/{allowed[0].replace('_', '/')}"}
    return custom


def _provider(rng: random.Random, facts: LineFacts, provider: str, base: str | None, keys: int) -> dict:
    key_owner = base or provider
    entry: dict[str, Any] = {"keys": [_key(rng, facts, key_owner, n) for n in range(keys)]}
    if base or rng.random() < 0.7:
        entry["network_config"] = _network(rng, facts, provider, custom=base is not None)
    if rng.random() < 0.4:
        buffer = rng.choice((100, 500, 1000, 5000))
        entry["concurrency_and_buffer_size"] = {"concurrency": rng.randint(1, buffer), "buffer_size": buffer}
    if rng.random() < 0.2:
        if rng.random() < 0.5:
            entry["proxy_config"] = {"type": "environment"}
        else:
            entry["proxy_config"] = {"type": "http", "url": f"https://proxy.{rng.choice(_TEAMS)}.example.com:3128"}
    if rng.random() < 0.2:
        entry["send_back_raw_response"] = False
    if base:
        entry["custom_provider_config"] = _custom(rng, facts, base)
    return entry


def clean_config(facts: LineFacts, index: int) -> dict:
    """File ``index``'s config without findings: the base every corpus starts from."""
    rng = random.Random(f"provlint-bench/{facts.line}/{index}")
    config: dict[str, Any] = {}
    if facts.schema_url and rng.random() < 0.7:
        config["$schema"] = facts.schema_url
    if rng.random() < 0.5:
        config["client"] = {"drop_excess_requests": False, "initial_pool_size": rng.choice((100, 300, 1000))}
    count = rng.randint(1, 8)
    custom = rng.random() < 0.3 and count > 1
    big = index % BIG_EVERY == BIG_FIRST
    providers: dict[str, Any] = {}
    for provider in rng.sample(facts.provider_ids, count - custom):
        providers[provider] = _provider(rng, facts, provider, None, rng.randint(1, 4))
    if custom:
        base = rng.choice(facts.custom_bases)
        providers[f"{rng.choice(_TEAMS)}-{base}-gateway"] = _provider(rng, facts, f"custom-{base}", base, rng.randint(1, 3))
    if big:
        _grow(rng, facts, providers)
    config["providers"] = providers
    if rng.random() < 0.4:
        config["config_store"] = {"enabled": True, "type": "postgres",
                                  "config": {"host": "db.example.com", "port": "5432", "user": "bifrost",
                                             "password": _env(rng), "db_name": "bifrost", "ssl_mode": "require"}}
    return config


def _grow(rng: random.Random, facts: LineFacts, providers: dict) -> None:
    """Add keys round-robin until the file is about BIG_FILE_BYTES (a large team's config)."""
    size = len(json.dumps(providers))
    names = list(providers)
    n = 0
    while size < BIG_FILE_BYTES:
        provider = names[n % len(names)]
        entry = providers[provider]
        owner = entry.get("custom_provider_config", {}).get("base_provider_type", provider)
        key = _key(rng, facts, owner, len(entry["keys"]))
        entry["keys"].append(key)
        size += len(json.dumps(key)) + 20
        n += 1


# ---------------------------------------------------------------------------------------------
# Mistakes: each adds exactly one finding of its rule to a clean config (tests/test_bench_corpus.py)


def _some_provider(config: dict, rng: random.Random) -> dict:
    return config["providers"][rng.choice(sorted(config["providers"]))]


def _network_of(config: dict, rng: random.Random) -> dict:
    return _some_provider(config, rng).setdefault("network_config", {})


def _typo_field(config, rng, facts):  # PL101
    _network_of(config, rng)["insecure_skip_verfy"] = False


def _wrong_type(config, rng, facts):  # PL100
    _network_of(config, rng)["default_request_timeout_in_seconds"] = "60s"


def _unknown_provider(config, rng, facts):  # PL201
    known = [p for p in facts.provider_ids if len(p) > 4]
    misspelt = rng.choice(known)
    cut = rng.randint(1, len(misspelt) - 2)
    misspelt = misspelt[:cut] + misspelt[cut + 1:]
    config["providers"][misspelt] = {"keys": [{"name": f"{misspelt}-0", "value": _env(rng), "models": ["m-1"], "weight": 1}]}


def _skip_verify(config, rng, facts):  # PL301
    _network_of(config, rng)["insecure_skip_verify"] = True


def _plaintext_proxy_user(config, rng, facts):  # PL302
    _some_provider(config, rng)["proxy_config"] = {
        "type": "http", "url": "https://proxy.corp.example.com:3128", "username": "svc-bifrost"}


def _literal_key(config, rng, facts):  # PL304
    key = rng.choice(_some_provider(config, rng)["keys"])
    key["value"] = "sk-" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(40))


def _plain_http(config, rng, facts):  # PL305
    _network_of(config, rng).update(base_url=f"http://llm.{rng.choice(_TEAMS)}.example.com/v1")


def _raw_storage(config, rng, facts):  # PL308
    _some_provider(config, rng)["store_raw_request_response"] = True


def _backoff_order(config, rng, facts):  # PL401
    _network_of(config, rng).update(retry_backoff_initial=5000, retry_backoff_max=1000)


def _many_retries(config, rng, facts):  # PL404
    _network_of(config, rng)["max_retries"] = facts.max_retries_warn + 15


def _concurrency(config, rng, facts):  # PL405
    _some_provider(config, rng)["concurrency_and_buffer_size"] = {"concurrency": 2000, "buffer_size": 500}


def _mixed_wildcard(config, rng, facts):  # PL505
    rng.choice(_some_provider(config, rng)["keys"])["models"] = [facts.wildcard, "gpt-4o"]


def _duplicate_key_name(config, rng, facts):  # PL502
    keys = _some_provider(config, rng)["keys"]
    keys.append(dict(keys[0], value=_env(rng)))


def _hop_header(config, rng, facts):  # PL309
    _network_of(config, rng).setdefault("extra_headers", {})["Connection"] = "keep-alive"


MISTAKES: dict[str, Callable[[dict, random.Random, LineFacts], None]] = {
    "PL100": _wrong_type, "PL101": _typo_field, "PL201": _unknown_provider, "PL301": _skip_verify,
    "PL302": _plaintext_proxy_user, "PL304": _literal_key, "PL305": _plain_http, "PL308": _raw_storage,
    "PL309": _hop_header, "PL401": _backoff_order, "PL404": _many_retries, "PL405": _concurrency,
    "PL502": _duplicate_key_name, "PL505": _mixed_wildcard,
}


def mistakes_for(corpus: str, index: int, rng: random.Random) -> list[str]:
    """The rule codes file ``index`` of ``corpus`` is given a mistake of."""
    codes = sorted(MISTAKES)
    if corpus == "mixed" and index % MIXED_EVERY == 0:
        return [rng.choice(codes)]
    if corpus == "heavy" and index % HEAVY_CLEAN_EVERY != HEAVY_CLEAN_EVERY - 1:
        return rng.sample(codes, rng.randint(_HEAVY_MIN, _HEAVY_MAX))
    return []


def config_text(facts: LineFacts, corpus: str, index: int) -> tuple[str, list[str]]:
    """File ``index`` of ``corpus`` as JSON text, and the codes of the mistakes it holds."""
    config = clean_config(facts, index)
    rng = random.Random(f"provlint-bench/{facts.line}/{corpus}/{index}")
    codes = mistakes_for(corpus, index, rng)
    for code in codes:
        MISTAKES[code](config, rng, facts)
    indent = 2 if rng.random() < 0.6 else 4
    return json.dumps(config, indent=indent, ensure_ascii=False) + "\n", codes


def write_corpus(root: Path, facts: LineFacts, corpus: str, count: int) -> list[Path]:
    """Write files 0..count-1 of ``corpus`` under ``root/<line>/<corpus>/``; returns their paths."""
    folder = root / facts.line / corpus
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:05d}.json"
        text, _ = config_text(facts, corpus, index)
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--line", action="append", help="a target line (default: every lintable line)")
    parser.add_argument("--corpus", default=",".join(CORPORA))
    args = parser.parse_args(argv)
    for line in args.line or target_lines():
        facts = line_facts(line)
        for corpus in args.corpus.split(","):
            paths = write_corpus(args.out, facts, corpus, args.count)
            size = sum(p.stat().st_size for p in paths)
            print(f"{line}/{corpus}: {len(paths)} files, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
