"""keys: the API keys of a provider and their provider-specific sub-configs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Optional

from pydantic import Field, StringConstraints

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default

NonEmptyString = Annotated[str, StringConstraints(min_length=1)]


@dataclass(frozen=True)
class KeyConfigModels:
    """The per-provider key sub-config models, by the Key field that holds each."""

    azure_key_config: type[BifrostModel]
    vertex_key_config: type[BifrostModel]
    bedrock_key_config: type[BifrostModel]
    vllm_key_config: type[BifrostModel]
    ollama_key_config: type[BifrostModel]
    sgl_key_config: type[BifrostModel]
    replicate_key_config: type[BifrostModel]


def build_key_configs(env_var: Any) -> KeyConfigModels:
    """The sub-configs exactly as the 1.5 API source has them (no ``deployments``)."""

    class AzureKeyConfig(BifrostModel):
        """Azure OpenAI settings of a key: which resource to call and how to authenticate."""

        endpoint: env_var = Field(
            None,
            description="Endpoint of the Azure OpenAI resource, e.g. "
            "`https://my-resource.openai.azure.com`. Bifrost needs it for every Azure key.",
        )
        api_version: env_var = Field(
            None, description="Azure OpenAI API version sent with each request."
        )
        client_id: env_var = Field(
            None,
            description="Client (application) id of the Entra ID app, for token "
            "authentication instead of an API key.",
        )
        client_secret: env_var = Field(
            None,
            description="Client secret of the Entra ID app; write an `env.NAME` reference.",
        )
        tenant_id: env_var = Field(None, description="Entra ID tenant of the app.")
        scopes: list[str] = Field(
            None, description="OAuth scopes requested when authenticating with Entra ID."
        )

    class VertexKeyConfig(BifrostModel):
        """Google Vertex AI settings of a key: project, region and service-account credentials."""

        project_id: env_var = Field(None, description="Google Cloud project id.")
        project_number: env_var = Field(
            None,
            description="Google Cloud project number, needed by some Vertex endpoints such as "
            "fine-tuned model deployments.",
        )
        region: env_var = Field(
            None, description="Vertex AI region, e.g. `us-central1`, or `global`."
        )
        auth_credentials: env_var = Field(
            None,
            description="Service-account credentials (JSON); write an `env.NAME` reference. "
            "Without them Bifrost uses the default application credentials.",
        )

    class S3Bucket(BifrostModel):
        """An S3 bucket Bifrost may use for Bedrock batch input and output files."""

        bucket_name: str = Field(None, description="Name of the S3 bucket.")
        prefix: str = Field(None, description="Key prefix for batch files in the bucket.")
        is_default: bool = Field(
            None, description="True for the bucket used when a request names none."
        )

    class BatchS3Config(BifrostModel):
        """S3 storage of a Bedrock key for batch jobs."""

        buckets: list[S3Bucket] = Field(
            None, description="The buckets available to batch jobs of this key."
        )

    class BedrockKeyConfig(BifrostModel):
        """AWS Bedrock settings of a key: credentials, region and inference profile."""

        access_key: env_var = Field(
            None,
            description="AWS access key id; write an `env.NAME` reference. Without keys "
            "Bifrost uses the default AWS credential chain.",
        )
        secret_key: env_var = Field(
            None, description="AWS secret access key; write an `env.NAME` reference."
        )
        session_token: env_var = Field(
            None,
            description="AWS session token for temporary credentials; write an `env.NAME` "
            "reference.",
        )
        region: env_var = Field(None, description="AWS region of Bedrock, e.g. `us-east-1`.")
        arn: env_var = Field(
            None,
            description="ARN (for example of an inference profile) that Bifrost combines "
            "with model ids when it calls Bedrock.",
        )
        batch_s3_config: Optional[BatchS3Config] = Field(
            None, description="S3 buckets for Bedrock batch jobs."
        )

    class VllmKeyConfig(BifrostModel):
        """vLLM settings of a key: which vLLM server serves it."""

        url: env_var = Field(
            description="Base URL of the vLLM server this key routes to. Required."
        )
        model_name: str = Field(
            None, description="Exact name of the model served by that vLLM instance."
        )

    class OllamaKeyConfig(BifrostModel):
        """Ollama settings of a key: which Ollama server serves it."""

        url: env_var = Field(description="Base URL of the Ollama server. Required.")

    class SglKeyConfig(BifrostModel):
        """SGLang settings of a key: which SGLang server serves it."""

        url: env_var = Field(description="Base URL of the SGLang server. Required.")

    class ReplicateKeyConfig(BifrostModel):
        """Replicate settings of a key."""

        use_deployments_endpoint: bool = Field(
            None,
            description="Call Replicate's deployments endpoint instead of the models "
            "endpoint.",
        )

    return KeyConfigModels(
        azure_key_config=AzureKeyConfig,
        vertex_key_config=VertexKeyConfig,
        bedrock_key_config=BedrockKeyConfig,
        vllm_key_config=VllmKeyConfig,
        ollama_key_config=OllamaKeyConfig,
        sgl_key_config=SglKeyConfig,
        replicate_key_config=ReplicateKeyConfig,
    )


def build_key(catalog: Catalog, env_var: Any, configs: KeyConfigModels) -> type[BifrostModel]:
    """The key of a provider entry in config.json.

    ``name`` and ``weight`` are required, as in Bifrost's own config.schema.json. This model
    serves config files only: none of the 1.5 document kinds provlint reads carries keys
    through the API (keys have their own endpoints, /api/providers/{provider}/keys).
    """
    defaults = catalog.defaults["key"]

    class Key(BifrostModel):
        """One API key of a provider. Bifrost spreads requests over a provider's keys by weight."""

        id: str = Field(
            None,
            description="Stable identifier of the key; Bifrost generates a UUID when it is "
            "missing. Governance virtual keys refer to keys by this id.",
        )
        name: str = Field(
            description="Name of the key, unique within the provider. Required in config.json."
        )
        value: env_var = Field(
            None,
            description="The API key: an `env.NAME` or `vault.path` reference (recommended) "
            "or the literal key. Bifrost redacts it in API responses.",
        )
        models: list[str] = Field(
            None,
            description="Models this key may serve; `*` means all. With config version 2 an "
            "empty list allows no model.",
        )
        blacklisted_models: list[str] = Field(
            None, description="Models this key must never serve, even if `models` allows them."
        )
        weight: float = Field(
            description="Share of traffic this key receives relative to the provider's other "
            "keys. Required in config.json."
        )
        aliases: dict[NonEmptyString, NonEmptyString] = Field(
            None,
            description="Maps a model name clients use to the provider-specific identifier "
            "(deployment name, inference profile id, fine-tuned model id). Names and targets "
            "must not be empty.",
        )
        azure_key_config: Optional[configs.azure_key_config] = Field(
            None, description="Azure settings; Bifrost needs its endpoint for every Azure key."
        )
        vertex_key_config: Optional[configs.vertex_key_config] = Field(
            None, description="Vertex AI settings; Bifrost needs them for every Vertex key."
        )
        bedrock_key_config: Optional[configs.bedrock_key_config] = Field(
            None, description="AWS Bedrock credentials and region."
        )
        vllm_key_config: Optional[configs.vllm_key_config] = Field(
            None, description="vLLM server of this key."
        )
        ollama_key_config: Optional[configs.ollama_key_config] = Field(
            None, description="Ollama server of this key."
        )
        sgl_key_config: Optional[configs.sgl_key_config] = Field(
            None, description="SGLang server of this key."
        )
        replicate_key_config: Optional[configs.replicate_key_config] = Field(
            None, description="Replicate settings of this key."
        )
        enabled: bool = Field(
            None,
            description="False takes the key out of rotation without deleting it. Bifrost "
            f"default: {str(defaults['enabled']).lower()}.",
            **bifrost_default(defaults["enabled"]),
        )
        use_for_batch_api: bool = Field(
            None,
            description="Whether batch and file API requests may use this key. Bifrost "
            f"default: {str(defaults['use_for_batch_api']).lower()}.",
            **bifrost_default(defaults["use_for_batch_api"]),
        )
        config_hash: str = Field(
            None,
            description="Read-only: hash Bifrost computed from the key's config.json entry to "
            "detect changes. Do not write it.",
        )
        status: str = Field(
            None,
            description="Read-only: result of the key's last model discovery, e.g. "
            "`list_models_failed`.",
        )
        description: str = Field(
            None, description="Read-only: error or status detail of the key's last model discovery."
        )

    return Key
