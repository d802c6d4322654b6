"""EnvVar: Bifrost's secret-capable value, a string or a ``{value, ref, type}`` object."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag

from provlint.catalog import Catalog
from provlint.json_types import OBJECT_FORM, SECRET_FORM_ERROR, STRING_FORM, written_form
from provlint.models.base import BifrostModel



def build_env_var(catalog: Catalog) -> tuple[Any, type[BifrostModel]]:
    """The EnvVar annotation of this Bifrost line and its object form's model."""
    secret_types = Literal[catalog.secret_types]

    class EnvVarObject(BifrostModel):
        """The object form of a secret-capable value, as Bifrost returns it from GET endpoints.

        Bifrost keeps the reference (`env.NAME` or `vault.path`) and resolves it at run
        time; an object with only `value` is plain text. `env_var` and `from_env` are
        the legacy 1.x spelling of an environment reference.
        """

        value: str = Field(
            None,
            description="The value itself: plain text, or the resolved value of the reference "
            "(Bifrost redacts secret fields in GET responses).",
        )
        ref: str = Field(
            None,
            description="Where the value comes from: `env.VAR_NAME` or `vault.path/to/secret`; "
            "empty for plain-text values.",
        )
        source_type: secret_types = Field(
            None,
            alias="type",
            description="How the value is sourced: "
            + ", ".join(f"`{t}`" for t in catalog.secret_types)
            + ".",
        )
        env_var: str = Field(
            None,
            description="Legacy form: the environment variable holding the value; Bifrost adds "
            "the `env.` prefix when it is missing.",
        )
        from_env: bool = Field(
            None,
            description="Legacy form: true when `value` was read from the environment variable "
            "named by `env_var`.",
        )

    env_var = Annotated[
        Union[
            Annotated[str, Tag(STRING_FORM)],
            Annotated[EnvVarObject, Tag(OBJECT_FORM)],
        ],
        Discriminator(
            written_form,
            custom_error_type=SECRET_FORM_ERROR,
            custom_error_message="Input should be a string or a secret object",
        ),
    ]
    return env_var, EnvVarObject
