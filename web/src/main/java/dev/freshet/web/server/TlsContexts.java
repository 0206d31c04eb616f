package dev.freshet.web.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the server's {@link SSLContext} from a PKCS12 keystore holding the private key and its
 * certificate chain; the keystore password also unlocks the key (as {@code keytool} creates it).
 *
 * <p>Stateless, thread-safe.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext fromPkcs12(Path keystore, char[] password) throws StartupException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("Cannot load TLS keystore " + keystore + " (PKCS12): " + e.getMessage(), e);
        }
    }
}
