from tests.conftest import codes_at, lint


def pl405(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL405"]


def sizes(body):
    return '{\n  "concurrency_and_buffer_size": {\n%s\n  }\n}\n' % body


def test_concurrency_above_buffer_is_reported_at_concurrency():
    found = pl405(sizes('    "concurrency": 200,\n    "buffer_size": 100'))
    assert codes_at(found) == [("PL405", 3, 20)]
    assert found[0].pointer == "/concurrency_and_buffer_size/concurrency"
    assert found[0].severity.value == "error"
    assert "200" in found[0].message and "100" in found[0].message
    assert "Concurrency must be less than or equal to buffer size" in found[0].message


def test_an_absent_side_takes_the_catalog_default():
    found = pl405(sizes('    "concurrency": 6000'))
    assert codes_at(found) == [("PL405", 3, 20)]
    assert "defaults to 5000" in found[0].message
    found = pl405(sizes('    "buffer_size": 10'))
    assert codes_at(found) == [("PL405", 3, 20)]
    assert found[0].pointer == "/concurrency_and_buffer_size/buffer_size"
    assert "defaults to 1000" in found[0].message
    found = pl405(sizes('    "concurrency": null,\n    "buffer_size": 10'))
    assert [d.pointer for d in found] == ["/concurrency_and_buffer_size/buffer_size"]


def test_equal_smaller_and_defaults_are_quiet():
    assert pl405(sizes('    "concurrency": 100,\n    "buffer_size": 100')) == []
    assert pl405(sizes('    "concurrency": 5000')) == []
    assert pl405(sizes('    "buffer_size": 1000')) == []
    assert pl405('{"concurrency_and_buffer_size": {}}') == []
    assert pl405('{"concurrency_and_buffer_size": null}') == []


def test_non_positive_and_wrong_types_are_pl100s():
    for body in (
        '"concurrency": 0, "buffer_size": -5',
        '"concurrency": 10, "buffer_size": 0',
        '"concurrency": 10, "buffer_size": true',
        '"concurrency": true, "buffer_size": 0',
        '"concurrency": "200", "buffer_size": 100',
        '"concurrency": 200.5, "buffer_size": 100',
        '"concurrency": 200, "buffer_size": [100]',
    ):
        assert pl405('{"concurrency_and_buffer_size": {%s}}' % body) == [], body
    assert pl405('{"concurrency_and_buffer_size": [200, 100]}') == []


def test_every_document_kind_and_yaml():
    config = (
        '{"providers": {"openai": {"concurrency_and_buffer_size": {"concurrency": 20, "buffer_size": 10}},'
        ' "groq": {"concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 20}}}}'
    )
    assert [d.pointer for d in pl405(config)] == ["/providers/openai/concurrency_and_buffer_size/concurrency"]
    add = '{"provider": "openai", "concurrency_and_buffer_size": {"concurrency": 20, "buffer_size": 10}}'
    assert [d.pointer for d in pl405(add)] == ["/concurrency_and_buffer_size/concurrency"]
    response = '{"name": "openai", "provider_status": "active", "concurrency_and_buffer_size": {"concurrency": 20, "buffer_size": 10}}'
    assert len(pl405(response)) == 1
    text = "concurrency_and_buffer_size:\n  concurrency: 20\n  buffer_size: 10\n"
    assert codes_at(pl405(text, "p.yaml")) == [("PL405", 2, 16)]
