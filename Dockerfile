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
ENV KHADAMAT_ENV=production HOST=0.0.0.0 PORT=4000 STATIC_DIR=/app/static UPLOAD_DIR=/app/uploads
RUN mkdir -p /app/uploads && chown khadamat /app/uploads
USER khadamat
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=3s CMD ["/bin/sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/4000"]
CMD ["khadamat", "serve"]
