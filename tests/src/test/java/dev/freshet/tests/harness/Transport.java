package dev.freshet.tests.harness;

/** How the async (Netty) client talks to the server: HTTP/2 cleartext with prior knowledge, or HTTP/1.1. */
public enum Transport {
    HTTP2,
    HTTP1_1
}
