# Multi-stage build: a Rust builder, then a small non-root runtime image.
FROM rust:1-slim-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev pkg-config gcc && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY migrations migrations
COPY templates templates
COPY locales locales
COPY static static
COPY data data
COPY askama.toml ./
RUN cargo build --release --locked --bin khadamat

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app khadamat
WORKDIR /app
COPY --from=build /src/target/release/khadamat /usr/local/bin/khadamat
COPY --from=build /src/static /app/static
# The runtime user writes only to /app/data (the SQLite file when no DATABASE_URL is given) and /app/uploads.
ENV KHADAMAT_ENV=production HOST=0.0.0.0 PORT=4000 STATIC_DIR=/app/static UPLOAD_DIR=/app/uploads \
    DATABASE_URL=/app/data/khadamat.db
RUN mkdir -p /app/data /app/uploads && chown khadamat /app/data /app/uploads
VOLUME ["/app/data", "/app/uploads"]
USER khadamat
EXPOSE 4000
# Liveness only (never the database: an outage must not get a healthy process restarted); `khadamat health
# --ready` is the readiness probe for a load balancer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["khadamat", "health"]
# SIGTERM (docker stop): WebSockets closed, requests and jobs finished within 15 s.
STOPSIGNAL SIGTERM
CMD ["khadamat", "serve"]
