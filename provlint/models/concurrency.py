"""concurrency_and_buffer_size: how many requests run at once and how many may wait."""

from __future__ import annotations

from pydantic import Field

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default


def build_concurrency_and_buffer_size(catalog: Catalog) -> type[BifrostModel]:
    defaults = catalog.defaults["concurrency_and_buffer_size"]
    bounds = catalog.bounds

    class ConcurrencyAndBufferSize(BifrostModel):
        """Worker and queue sizes of this provider's request pool.

        The management API rejects a concurrency greater than the buffer size; a dedicated
        rule reports that (PL405).
        """

        concurrency: int = Field(
            None,
            ge=bounds.concurrency_min,
            description="Number of requests to this provider that run at the same time. "
            f"Bifrost default: {defaults['concurrency']}.",
            **bifrost_default(defaults["concurrency"]),
        )
        buffer_size: int = Field(
            None,
            ge=bounds.buffer_size_min,
            description="Number of requests that may wait in the queue for a free worker. When it "
            "is full, further requests wait or are dropped, as the client setting "
            "drop_excess_requests decides. "
            f"Bifrost default: {defaults['buffer_size']}.",
            **bifrost_default(defaults["buffer_size"]),
        )

    return ConcurrencyAndBufferSize
