# The release image, built by goreleaser (dockers_v2) from the binaries it has just built, for
# linux/amd64 and linux/arm64: a static binary (CGO_ENABLED=0) on distroless static, which has
# CA certificates (HTTPS to Alibaba Cloud) and time zones (--tz), and no shell.
#   docker run --rm -e MKT_ACCESS_KEY_ID -e MKT_ACCESS_KEY_SECRET ghcr.io/mkt-cli/mkt invoice due
FROM gcr.io/distroless/static-debian12:nonroot
ARG TARGETPLATFORM
COPY ${TARGETPLATFORM}/mkt /usr/local/bin/mkt
# The sandbox and the configuration live under HOME; mount a volume there to keep them.
ENV HOME=/home/nonroot
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/mkt"]
