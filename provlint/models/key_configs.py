"""The provider-specific sub-configs of a key (azure_key_config, bedrock_key_config, ...)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Literal, Optional

from pydantic import Field, create_model

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default, is_secret_var, line_fields


class KeyConfigModels(SimpleNamespace):
    """The key sub-config models of one line, by the Key field that holds each.

    Only the sub-configs the line has are attributes, so ``vars()`` lists exactly them.
    """


def _model(name: str, doc: str, catalog: Catalog, block: str, candidates: dict[str, Any]) -> type[BifrostModel]:
    return create_model(name, __base__=BifrostModel, __doc__=doc, **line_fields(catalog, block, candidates))


def build_key_configs(catalog: Catalog, env_var: Any) -> KeyConfigModels:
    """The sub-configs of the key fields the catalog's line lists (1.5: exactly its API source)."""

    def secret_or(block: str, name: str, plain: Any = str) -> Any:
        return env_var if is_secret_var(catalog, block, name) else plain

    defaults = catalog.defaults
    key_fields = catalog.fields.get("key", ())
    built = {}

    built["azure_key_config"] = _model("AzureKeyConfig", "Azure OpenAI settings of a key: which resource to call and how to authenticate.", catalog, "azure_key_config", {
        "endpoint": (secret_or("azure_key_config", "endpoint"), Field(
            None,
            description="Endpoint of the Azure OpenAI resource, e.g. "
            "`https://my-resource.openai.azure.com`. Bifrost needs it for every Azure key.",
        )),
        "api_version": (secret_or("azure_key_config", "api_version"), Field(
            None, description="Azure OpenAI API version sent with each request.")),
        "client_id": (secret_or("azure_key_config", "client_id"), Field(
            None,
            description="Client (application) id of the Entra ID app, for token "
            "authentication instead of an API key.",
        )),
        "client_secret": (secret_or("azure_key_config", "client_secret"), Field(
            None, description="Client secret of the Entra ID app; write an `env.NAME` reference.")),
        "tenant_id": (secret_or("azure_key_config", "tenant_id"), Field(None, description="Entra ID tenant of the app.")),
        "scopes": (list[str], Field(None, description="OAuth scopes requested when authenticating with Entra ID.")),
    })

    vertex_defaults = defaults.get("vertex_key_config", {})
    built["vertex_key_config"] = _model("VertexKeyConfig", "Google Vertex AI settings of a key: project, region and service-account credentials.", catalog, "vertex_key_config", {
        "project_id": (secret_or("vertex_key_config", "project_id"), Field(None, description="Google Cloud project id.")),
        "project_number": (secret_or("vertex_key_config", "project_number"), Field(
            None,
            description="Google Cloud project number, needed by some Vertex endpoints such as "
            "fine-tuned model deployments.",
        )),
        "region": (secret_or("vertex_key_config", "region"), Field(
            None, description="Vertex AI region, e.g. `us-central1`, or `global`.")),
        "auth_credentials": (secret_or("vertex_key_config", "auth_credentials"), Field(
            None,
            description="Service-account credentials (JSON); write an `env.NAME` reference. "
            "Without them Bifrost uses the default application credentials.",
        )),
        "force_single_region": (bool, Field(
            None,
            description="Always call the configured region, never promoting multi-region-only "
            "models to a multi-region endpoint (for provisioned throughput).",
            **({} if "force_single_region" not in vertex_defaults else bifrost_default(vertex_defaults["force_single_region"])),
        )),
    })

    s3_bucket = create_model("S3Bucket", __base__=BifrostModel, __doc__="An S3 bucket Bifrost may use for Bedrock batch input and output files.",
                             bucket_name=(str, Field(None, description="Name of the S3 bucket.")),
                             prefix=(str, Field(None, description="Key prefix for batch files in the bucket.")),
                             is_default=(bool, Field(None, description="True for the bucket used when a request names none.")))
    batch_s3 = create_model("BatchS3Config", __base__=BifrostModel, __doc__="S3 storage of a Bedrock key for batch jobs.",
                            buckets=(list[s3_bucket], Field(None, description="The buckets available to batch jobs of this key.")))

    def endpoints_model(name: str, block: str) -> type[BifrostModel]:
        services = {
            "runtime": "bedrock-runtime (all inference)",
            "control_plane": "bedrock (model listing and batch jobs)",
            "mantle": "bedrock-mantle (mantle-routed models)",
            "agent_runtime": "bedrock-agent-runtime (rerank)",
            "s3": "S3 (batch files; keep the literal `bucket.` prefix)",
        }
        fields = {
            service: (secret_or(block, service), Field(None, description=f"Interface VPC endpoint host for {about}."))
            for service, about in services.items() if is_secret_var(catalog, block, service)
        }
        return create_model(name, __base__=BifrostModel, __doc__="AWS PrivateLink (interface VPC endpoint) hosts Bifrost dials "
                            "instead of the public regional endpoints; the region still sets the signing scope.", **fields)

    aws_role = {
        "role_arn": "IAM role Bifrost assumes (AssumeRole) for this key.",
        "external_id": "External id passed to AssumeRole.",
        "session_name": "Role session name used with AssumeRole.",
        "batch_role_arn": "Service role passed to Bedrock batch jobs for S3 access.",
        "project_id": "Bedrock project scoping the OpenAI-compatible (mantle) surface, sent as the OpenAI-Project header.",
    }

    def bedrock_candidates(block: str, endpoints: str) -> dict[str, Any]:
        fields = {
            "access_key": (secret_or(block, "access_key"), Field(
                None,
                description="AWS access key id; write an `env.NAME` reference. Without keys "
                "Bifrost uses the default AWS credential chain.",
            )),
            "secret_key": (secret_or(block, "secret_key"), Field(None, description="AWS secret access key; write an `env.NAME` reference.")),
            "session_token": (secret_or(block, "session_token"), Field(
                None,
                description="AWS session token for temporary credentials; write an `env.NAME` "
                "reference.",
            )),
            "region": (secret_or(block, "region"), Field(None, description="AWS region of Bedrock, e.g. `us-east-1`.")),
            "arn": (secret_or(block, "arn"), Field(
                None,
                description="ARN (for example of an inference profile) that Bifrost combines "
                "with model ids when it calls Bedrock.",
            )),
        }
        fields.update({name: (secret_or(block, name), Field(None, description=about)) for name, about in aws_role.items()})
        fields["batch_s3_config"] = (Optional[batch_s3], Field(None, description="S3 buckets for Bedrock batch jobs."))
        fields["endpoints"] = (Optional[endpoints_model(endpoints, f"{block.removesuffix('_key_config')}_endpoints")],
                               Field(None, description="PrivateLink endpoint hosts for the AWS services this key calls."))
        return fields

    built["bedrock_key_config"] = _model("BedrockKeyConfig", "AWS Bedrock settings of a key: credentials, region and inference profile.",
                                         catalog, "bedrock_key_config", bedrock_candidates("bedrock_key_config", "BedrockEndpoints"))
    if "bedrock_mantle_key_config" in key_fields:
        built["bedrock_mantle_key_config"] = _model(
            "BedrockMantleKeyConfig", "AWS Bedrock Mantle settings of a key: credentials, region and project.",
            catalog, "bedrock_mantle_key_config", bedrock_candidates("bedrock_mantle_key_config", "BedrockMantleEndpoints"))

    built["vllm_key_config"] = create_model("VllmKeyConfig", __base__=BifrostModel, __doc__="vLLM settings of a key: which vLLM server serves it.",
                                            url=(secret_or("vllm_key_config", "url"), Field(description="Base URL of the vLLM server this key routes to. Required.")),
                                            model_name=(str, Field(None, description="Exact name of the model served by that vLLM instance.")))
    built["ollama_key_config"] = create_model("OllamaKeyConfig", __base__=BifrostModel, __doc__="Ollama settings of a key: which Ollama server serves it.",
                                              url=(secret_or("ollama_key_config", "url"), Field(description="Base URL of the Ollama server. Required.")))
    built["sgl_key_config"] = create_model("SglKeyConfig", __base__=BifrostModel, __doc__="SGLang settings of a key: which SGLang server serves it.",
                                           url=(secret_or("sgl_key_config", "url"), Field(description="Base URL of the SGLang server. Required.")))
    built["replicate_key_config"] = create_model(
        "ReplicateKeyConfig", __base__=BifrostModel, __doc__="Replicate settings of a key.",
        use_deployments_endpoint=(bool, Field(None, description="Call Replicate's deployments endpoint instead of the models endpoint.")))

    if "databricks_key_config" in key_fields:
        formats = catalog.databricks_api_formats
        built["databricks_key_config"] = create_model(
            "DatabricksKeyConfig", __base__=BifrostModel, __doc__="Databricks settings of a key: the workspace and how to authenticate.",
            workspace_url=(secret_or("databricks_key_config", "workspace_url"), Field(
                description="URL of the Databricks workspace, e.g. `https://dbc-1234abcd-5678.cloud.databricks.com`. Required.")),
            api_format=(Literal[formats], Field(None, description="Inference surface: " + ", ".join(f"`{f}`" for f in formats)
                                                + "; `auto` picks by model name.")),
            client_id=(secret_or("databricks_key_config", "client_id"), Field(
                None, description="OAuth M2M service principal client id; with client_secret and an empty key value, no personal token is needed.")),
            client_secret=(secret_or("databricks_key_config", "client_secret"), Field(
                None, description="OAuth M2M service principal secret; write an `env.NAME` reference.")),
            forward_gateway_tags=(bool, Field(None, description="Forward Bifrost governance labels to Databricks as request tags.")),
        )
    if "github_copilot_key_config" in key_fields:
        secret = lambda name: secret_or("github_copilot_key_config", name)  # noqa: E731
        built["github_copilot_key_config"] = create_model(
            "GithubCopilotKeyConfig", __base__=BifrostModel, __doc__="GitHub Copilot settings of a key: the GitHub App that mints tokens.",
            app_id=(secret("app_id"), Field(description="GitHub App id or client id (the App JWT issuer). Required.")),
            installation_id=(secret("installation_id"), Field(description="Installation to mint tokens for. Required.")),
            repository_id=(secret("repository_id"), Field(description="Repository the installation token is scoped to. Required.")),
            private_key=(secret("private_key"), Field(description="The App's private key (PEM); write an `env.NAME` reference. Required.")),
            github_domain=(str, Field(None, description="GitHub Enterprise domain, e.g. `acme.ghe.com`; unset for github.com.")),
        )
    return KeyConfigModels(**{name: model for name, model in built.items() if name in key_fields or not key_fields})
