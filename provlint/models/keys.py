"""keys: the API keys of a provider, and their aliases."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import Discriminator, Field, StringConstraints, Tag, create_model

from provlint.catalog import Catalog
from provlint.json_types import ALIAS_FORM_ERROR, OBJECT_FORM, STRING_FORM, written_form
from provlint.models.base import BifrostModel, bifrost_default, line_fields
from provlint.models.key_configs import KeyConfigModels, build_key_configs

NonEmptyString = Annotated[str, StringConstraints(min_length=1)]


__all__ = ["KeyConfigModels", "build_key", "build_key_configs"]


def build_alias_config(catalog: Catalog) -> type[BifrostModel]:
    """The object form of an alias (AliasConfig): the wire id plus provider-specific overrides."""
    families = catalog.alias_model_families
    candidates: dict[str, Any] = {
        "model_id": (NonEmptyString, Field(
            description="Provider-specific identifier sent on the wire (deployment name, inference "
            "profile id, fine-tuned model id). Required.")),
        "model_name": (str, Field(None, description="Canonical model name used for pricing, logging and family inference.")),
        "model_family": (Literal[families] if families else str, Field(
            None, description="Underlying model family, used for routing without guessing from the id: "
            + ", ".join(f"`{f}`" for f in families) + ".")),
        "description": (str, Field(None, description="Free-form note shown in the UI; not used for routing.")),
        "region": (str, Field(None, description="Per-alias region (Bedrock, Bedrock Mantle, Vertex).")),
        "api_version": (str, Field(None, description="Azure only: api-version override for this alias.")),
        "anthropic_version": (str, Field(None, description="Azure only: anthropic-version header for Claude-on-Azure deployments.")),
        "endpoint": (str, Field(None, description="Azure only: endpoint override for this alias.")),
        "project_id": (str, Field(None, description="Per-alias project (Vertex: the GCP project; Bedrock and Bedrock Mantle: the AWS project header).")),
        "project_number": (str, Field(None, description="Vertex only: GCP project number, needed for fine-tuned models.")),
        "force_single_region": (bool, Field(None, description="Vertex only: call the alias region as-is.")),
        "inference_profile_arn": (str, Field(None, description="Bedrock only: inference profile ARN invoked instead of the model id.")),
        "use_deployments_endpoint": (bool, Field(None, description="Replicate only: use the deployments endpoint for this alias.")),
        "use_anthropic_endpoints": (bool, Field(None, description="Per-alias override of the key's use_anthropic_endpoints.")),
        "use_openai_endpoints": (bool, Field(None, description="Per-alias override of the key's use_openai_endpoints.")),
    }
    return create_model(
        "AliasConfig",
        __base__=BifrostModel,
        __doc__="An alias in the object form: the identifier sent to the provider, with optional "
        "canonical name, family and provider-specific overrides. Bifrost refuses overrides "
        "that do not belong to the key's provider.",
        **line_fields(catalog, "alias", candidates),
    )


def _aliases_annotation(catalog: Catalog) -> Any:
    forms = catalog.alias_forms
    if "object" not in forms:
        return dict[NonEmptyString, NonEmptyString]
    alias = Annotated[
        Union[Annotated[NonEmptyString, Tag(STRING_FORM)], Annotated[build_alias_config(catalog), Tag(OBJECT_FORM)]],
        Discriminator(written_form, custom_error_type=ALIAS_FORM_ERROR,
                      custom_error_message="Input should be a string or an alias object"),
    ]
    return dict[NonEmptyString, alias]


def build_key(catalog: Catalog, env_var: Any, configs: KeyConfigModels) -> type[BifrostModel]:
    """The key of a provider entry in config.json.

    ``name`` and ``weight`` are required, as in Bifrost's own config.schema.json. This model
    serves config files only: none of the document kinds provlint reads carries keys through
    the API (keys have their own endpoints, /api/providers/{provider}/keys).
    """
    defaults = catalog.defaults["key"]

    def with_default(name: str) -> dict[str, Any]:
        return bifrost_default(defaults[name]) if name in defaults else {}

    def default_text(name: str) -> str:
        return f" Bifrost default: {str(defaults[name]).lower()}." if name in defaults else ""

    def sub_config(name: str, about: str) -> tuple[Any, Any]:
        model = getattr(configs, name, None)
        return (Optional[model], Field(None, description=about)) if model is not None else None

    candidates: dict[str, Any] = {
        "id": (str, Field(
            None,
            description="Stable identifier of the key; Bifrost generates a UUID when it is "
            "missing. Governance virtual keys refer to keys by this id.",
        )),
        "name": (str, Field(description="Name of the key, unique within the provider. Required in config.json.")),
        "value": (env_var, Field(
            None,
            description="The API key: an `env.NAME` or `vault.path` reference (recommended) "
            "or the literal key. Bifrost redacts it in API responses.",
        )),
        "models": (list[str], Field(
            None,
            description="Models this key may serve; `*` means all. With config version 2 an "
            "empty list allows no model.",
        )),
        "blacklisted_models": (list[str], Field(None, description="Models this key must never serve, even if `models` allows them.")),
        "weight": (float, Field(
            description="Share of traffic this key receives relative to the provider's other "
            "keys. Required in config.json.")),
        "aliases": (_aliases_annotation(catalog), Field(
            None,
            description="Maps a model name clients use to the provider-specific identifier "
            "(deployment name, inference profile id, fine-tuned model id). Names and targets "
            "must not be empty.",
        )),
        "azure_key_config": sub_config("azure_key_config", "Azure settings; Bifrost needs its endpoint for every Azure key."),
        "vertex_key_config": sub_config("vertex_key_config", "Vertex AI settings; Bifrost needs them for every Vertex key."),
        "bedrock_key_config": sub_config("bedrock_key_config", "AWS Bedrock credentials and region."),
        "bedrock_mantle_key_config": sub_config("bedrock_mantle_key_config", "AWS Bedrock Mantle credentials, region and project."),
        "vllm_key_config": sub_config("vllm_key_config", "vLLM server of this key."),
        "ollama_key_config": sub_config("ollama_key_config", "Ollama server of this key."),
        "sgl_key_config": sub_config("sgl_key_config", "SGLang server of this key."),
        "replicate_key_config": sub_config("replicate_key_config", "Replicate settings of this key."),
        "databricks_key_config": sub_config("databricks_key_config", "Databricks workspace and authentication of this key."),
        "github_copilot_key_config": sub_config("github_copilot_key_config", "GitHub App credentials of this GitHub Copilot key."),
        "enabled": (bool, Field(
            None,
            description="False takes the key out of rotation without deleting it." + default_text("enabled"),
            **with_default("enabled"),
        )),
        "use_for_batch_api": (bool, Field(
            None,
            description="Whether batch and file API requests may use this key." + default_text("use_for_batch_api"),
            **with_default("use_for_batch_api"),
        )),
        "use_anthropic_endpoints": (bool, Field(
            None,
            description="Route chat completion and responses requests through the provider's "
            "Anthropic-compatible endpoints (DeepSeek, Fireworks, vLLM, SGLang)." + default_text("use_anthropic_endpoints"),
            **with_default("use_anthropic_endpoints"),
        )),
        "use_openai_endpoints": (bool, Field(
            None,
            description="Bedrock: route chat completion and responses requests through Bedrock's "
            "OpenAI-compatible endpoints instead of Converse, for models that serve them.",
        )),
        "config_hash": (str, Field(
            None,
            description="Read-only: hash Bifrost computed from the key's config.json entry to "
            "detect changes. Do not write it.",
        )),
        "status": (str, Field(
            None,
            description="Read-only: result of the key's last model discovery, e.g. "
            "`list_models_failed`.",
        )),
        "description": (str, Field(None, description="Read-only: error or status detail of the key's last model discovery.")),
    }
    return create_model(
        "Key",
        __base__=BifrostModel,
        __doc__="One API key of a provider. Bifrost spreads requests over a provider's keys by weight.",
        **line_fields(catalog, "key", {k: v for k, v in candidates.items() if v is not None}),
    )
