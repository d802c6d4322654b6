"""pydantic v2 models of Bifrost's provider configuration, built from a catalog.

Provider ids, request types, enums, defaults and bounds differ between Bifrost lines, so the
models are built per catalog: ``models_for(catalog)`` returns the set for that line, built
once and cached by version. Importing this package imports pydantic; the lint fast path
(provlint.structure) must not, and imports it only to explain a rejected document.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel
from provlint.models.concurrency import build_concurrency_and_buffer_size
from provlint.models.config_file import build_config_file
from provlint.models.custom_provider import build_allowed_requests, build_custom_provider_config
from provlint.models.keys import KeyConfigModels, build_key, build_key_configs
from provlint.models.provider_blocks import build_openai_config, build_prompt_cache, build_provider_request_id
from provlint.models.network import build_network_config
from provlint.models.provider import (
    SettingsBlocks,
    build_add_provider_request,
    build_config_provider_entry,
    build_provider_response,
    build_provider_settings,
    build_update_provider_request,
)
from provlint.models.proxy import build_proxy_config
from provlint.models.secrets import build_env_var
from provlint.source.document import DocumentKind


@dataclass(frozen=True)
class ModelSet:
    """Every model of one Bifrost line, by config section."""

    version: str
    network_config: type[BifrostModel]
    concurrency_and_buffer_size: type[BifrostModel]
    proxy_config: type[BifrostModel]
    custom_provider_config: type[BifrostModel]
    allowed_requests: type[BifrostModel]
    env_var_object: type[BifrostModel]
    key_configs: KeyConfigModels
    key: type[BifrostModel]
    provider_settings: type[BifrostModel]
    config_provider_entry: type[BifrostModel]
    config_file: type[BifrostModel]
    add_provider_request: type[BifrostModel]
    update_provider_request: type[BifrostModel]
    provider_response: type[BifrostModel]

    def for_kind(self, kind: DocumentKind) -> type[BifrostModel]:
        """The root model of a document kind; KeyError for DocumentKind.UNKNOWN."""
        return {
            DocumentKind.CONFIG: self.config_file,
            DocumentKind.ADD_PROVIDER: self.add_provider_request,
            DocumentKind.UPDATE_PROVIDER: self.update_provider_request,
            DocumentKind.PROVIDER_RESPONSE: self.provider_response,
        }[kind]

    def roots(self) -> dict[DocumentKind, type[BifrostModel]]:
        """The root model of every document kind that has one."""
        return {k: self.for_kind(k) for k in DocumentKind if k is not DocumentKind.UNKNOWN}


_MODEL_SETS: dict[str, ModelSet] = {}
_LOCK = Lock()


def models_for(catalog: Catalog) -> ModelSet:
    """The models of ``catalog``'s Bifrost line, built on first use (about 0.1 s) and cached."""
    with _LOCK:
        models = _MODEL_SETS.get(catalog.version)
        if models is None:
            models = _MODEL_SETS[catalog.version] = _build(catalog)
        return models


def _build(catalog: Catalog) -> ModelSet:
    env_var, env_var_object = build_env_var(catalog)
    allowed_requests = build_allowed_requests(catalog)
    has_openai_config = "openai_config" in catalog.settings_fields
    blocks = SettingsBlocks(
        network_config=build_network_config(catalog, env_var),
        concurrency_and_buffer_size=build_concurrency_and_buffer_size(catalog),
        proxy_config=build_proxy_config(catalog, env_var),
        custom_provider_config=build_custom_provider_config(catalog, allowed_requests),
        openai_config=build_openai_config(catalog) if has_openai_config else None,
        prompt_cache=build_prompt_cache(catalog),
        provider_request_id=build_provider_request_id(catalog),
    )
    key_configs = build_key_configs(catalog, env_var)
    key = build_key(catalog, env_var, key_configs)
    entry = build_config_provider_entry(catalog, blocks, key)
    return ModelSet(
        version=catalog.version,
        network_config=blocks.network_config,
        concurrency_and_buffer_size=blocks.concurrency_and_buffer_size,
        proxy_config=blocks.proxy_config,
        custom_provider_config=blocks.custom_provider_config,
        allowed_requests=allowed_requests,
        env_var_object=env_var_object,
        key_configs=key_configs,
        key=key,
        provider_settings=build_provider_settings(catalog, blocks),
        config_provider_entry=entry,
        config_file=build_config_file(catalog, entry),
        add_provider_request=build_add_provider_request(catalog, blocks),
        update_provider_request=build_update_provider_request(catalog, blocks),
        provider_response=build_provider_response(catalog, blocks),
    )


__all__ = ["BifrostModel", "KeyConfigModels", "ModelSet", "models_for"]
