"""Documents with planted secrets in every place the secret map must find them.

Each secret is random-looking and unique, so any 8-character piece of it found in an output
is a leak, never a coincidence. Shared by the leak tests over formats and commands.
"""

from __future__ import annotations

# name -> (content, secrets planted in it)
DOCUMENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # Misspelt secret fields and credential words in any letter case (parses: findings galore).
    "misspelt.yaml": (
        "providers:\n"
        "  openai:\n"
        "    keys:\n"
        "      - name: k\n"
        "        valeu: Qm8vLr2TzX4nW7pK9sYd\n"
        "        value: env.OPENAI_API_KEY\n"
        "        weight: 1\n"
        "    network_config:\n"
        "      extra_headers:\n"
        "        X-Api-Key: 03245271225367232\n"
        "      pasword: 12:34:56\n"
        "      DB_PASSWORD: Fh3kWq9zLm2Pd8Rt\n"
        "      Client_Secert: Jy6nBv3cXz8Lk1Mq\n",
        ("Qm8vLr2TzX4nW7pK9sYd", "03245271225367232", "12:34:56", "Fh3kWq9zLm2Pd8Rt", "Jy6nBv3cXz8Lk1Mq"),
    ),
    "misspelt.json": (
        '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1,'
        ' "Api_Token": "Rc7uYt4eWq1zXn5Vb"}], "proxy_config": {"type": "http", "url": "https://p.example:3128",'
        ' "usernme": "Pw9oIu8yTr6eEw5Qa", "passowrd": 98127634551}}}}\n',
        ("Rc7uYt4eWq1zXn5Vb", "Pw9oIu8yTr6eEw5Qa", "98127634551"),
    ),
    # YAML tags and aliases: the parser's own error texts quote these.
    "alias.yaml": "providers:\n  openai:\n    keys:\n      - name: k\n        value: *Zk7pQ2vX9mLr4TtY8wNb\n",
    "tag.yaml": "providers:\n  openai:\n    keys:\n      - name: k\n        value: !Hb5nM8kL2jG6fD4sA\n",
    "int-tag.yaml": "providers:\n  openai:\n    proxy_config:\n      type: http\n      password: !!int Cv2bN7mX4zL9kJ3h\n",
    "anchor.yaml": (
        "providers:\n  openai:\n    misplaced: &cred Uy4tRe7wQa2sDf9gH\n"
        "    keys:\n      - name: k\n        value: *cred\n        weight: 1\n",
        ("Uy4tRe7wQa2sDf9gH",),
    ),
    # Block and multi-line scalars, parsed (a finding on the first line) and broken inside.
    "block.yaml": (
        "providers:\n  openai:\n    keys:\n      - name: k\n        value: |\n"
        "          Lp0oKi9jUh8yGt7f\n          Rd6eSw5aQz4xCv3b\n        weight: 1\n        bogus: 1\n",
        ("Lp0oKi9jUh8yGt7f", "Rd6eSw5aQz4xCv3b"),
    ),
    "quoted-multiline.yaml": (
        'providers:\n  openai:\n    keys:\n      - name: k\n        value: "Hq3nZ8wLp2Vt\n'
        '          Ry6mKx9Fb4Js"\n        weight: 1\n        bogus_field: 1\n',
        ("Hq3nZ8wLp2Vt", "Ry6mKx9Fb4Js"),
    ),
    "broken-quoted.yaml": (
        'providers:\n  openai:\n    keys:\n      - name: k\n        value: "Ab3dEf6hJk9mNp2q\n'
        '          Rs5tUv8wXy\\q1zB4c"\n',
        ("Ab3dEf6hJk9mNp2q", "Rs5tUv8wXy"),
    ),
    "value-line.yaml": (
        "providers:\n  openai:\n    keys:\n      - name: k\n        value:\n          Wd4kLp9ZqX2mNv7T\n          : broken\n",
        ("Wd4kLp9ZqX2mNv7T",),
    ),
    "value-line.json": (
        '{"providers": {"openai": {"keys": [{"name": "k", "value":\n"Gt5rFv8bHn2mJk6L"\n"weight": 1}]}}}\n',
        ("Gt5rFv8bHn2mJk6L",),
    ),
    "value-less-indented.yaml": (
        "providers:\n  openai:\n    keys:\n      - name: k\n        value:\n      Yx3cVb6nMq9wEr2t\n",
        ("Yx3cVb6nMq9wEr2t",),
    ),
    "bare-value.json": (
        '{"providers": {"openai": {"keys": [{"name": "k", "value":\n Io8uJh5gFd2sAz7x\n}]}}}\n',
        ("Io8uJh5gFd2sAz7x",),
    ),
    # An update payload whose key value is an object, and credentials in a URL.
    "update.json": (
        '{"keys": [{"name": "k", "value": {"value": "Tg7hYu2iOp5lKj8hN", "unknown": 1}, "weight": 1}],'
        ' "network_config": {"base_url": "https://svc:Ek4rTy7uIo1pAs3d@gw.example/v1"}}\n',
        ("Tg7hYu2iOp5lKj8hN", "Ek4rTy7uIo1pAs3d"),
    ),
}


def _secret_of(content: str) -> tuple[str, ...]:
    # The documents given as a bare string plant one secret after `*`, `!` or `!!int `.
    for marker in ("!!int ", "*", "!"):
        at = content.rfind(marker)
        if at != -1:
            return (content[at + len(marker):].split()[0],)
    raise AssertionError(content)


DOCUMENTS = {
    name: (entry, _secret_of(entry)) if isinstance(entry, str) else entry for name, entry in DOCUMENTS.items()
}
SECRETS = tuple(secret for _, planted in DOCUMENTS.values() for secret in planted)


def pieces(secret: str, length: int = 8) -> set[str]:
    return {secret[i:i + length] for i in range(len(secret) - length + 1)}


def leaked(text: str) -> list[str]:
    """Every planted secret that has an 8-character piece in ``text``."""
    return [secret for secret in SECRETS if any(piece in text for piece in pieces(secret))]


def write_documents(folder) -> list[str]:
    for name, (content, _) in DOCUMENTS.items():
        (folder / name).write_text(content, encoding="utf-8")
    return sorted(DOCUMENTS)
