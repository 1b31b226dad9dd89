package io.digitaltowns.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test, valid for a day: it signs a server certificate for
 * localhost and client certificates, written as the files PostgreSQL and its JDBC driver read (PEM
 * certificates, a PEM server key, a PKCS-8 DER client key).
 */
final class TestCertificates {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Path directory;
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private Path caFile;

  private TestCertificates(Path directory, KeyPair caKeys, X509Certificate ca) {
    this.directory = directory;
    this.caKeys = caKeys;
    this.ca = ca;
  }

  /**
   * A new authority named {@code name}, its certificate written to {@code
   * <directory>/<name>-ca.crt}.
   */
  static TestCertificates authority(Path directory, String name) {
    KeyPair keys = rsaKeys();
    X500Name subject = new X500Name("CN=" + name + " test CA");
    X509Certificate certificate =
        sign(
            new JcaX509v3CertificateBuilder(
                subject, serial(), notBefore(), notAfter(), subject, keys.getPublic()),
            keys.getPrivate(),
            true,
            null);
    TestCertificates authority = new TestCertificates(directory, keys, certificate);
    authority.caFile = authority.writePem(name + "-ca.crt", "CERTIFICATE", encoded(certificate));
    return authority;
  }

  /**
   * The authority's certificate (PEM): what a client trusts to verify the server, or the server its
   * clients.
   */
  Path caFile() {
    return caFile;
  }

  /**
   * A server certificate for localhost and 127.0.0.1: {@code <name>.crt} and {@code <name>.key}
   * (PEM, mode 0600).
   */
  Issued server(String name) {
    KeyPair keys = rsaKeys();
    GeneralNames localhost =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            });
    X509Certificate certificate =
        sign(
            new JcaX509v3CertificateBuilder(
                ca,
                serial(),
                notBefore(),
                notAfter(),
                new X500Name("CN=localhost"),
                keys.getPublic()),
            caKeys.getPrivate(),
            false,
            localhost);
    return new Issued(
        writePem(name + ".crt", "CERTIFICATE", encoded(certificate)),
        writePrivate(name + ".key", pem("PRIVATE KEY", keys.getPrivate().getEncoded())));
  }

  /**
   * A client certificate for the database user {@code user}: {@code <name>.crt} (PEM) and {@code
   * <name>.pk8} (DER).
   */
  Issued client(String name, String user) {
    KeyPair keys = rsaKeys();
    X509Certificate certificate =
        sign(
            new JcaX509v3CertificateBuilder(
                ca,
                serial(),
                notBefore(),
                notAfter(),
                new X500Name("CN=" + user),
                keys.getPublic()),
            caKeys.getPrivate(),
            false,
            null);
    return new Issued(
        writePem(name + ".crt", "CERTIFICATE", encoded(certificate)),
        writePrivate(name + ".pk8", keys.getPrivate().getEncoded()));
  }

  /** A certificate and the file of its private key. */
  record Issued(Path certificate, Path key) {}

  private static X509Certificate sign(
      X509v3CertificateBuilder builder,
      PrivateKey signer,
      boolean authority,
      GeneralNames alternativeNames) {
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      builder.addExtension(
          Extension.keyUsage,
          true,
          authority
              ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
              : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (alternativeNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign a test certificate", e);
    }
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofMinutes(5)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }

  private static byte[] pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private Path writePem(String name, String type, byte[] der) {
    return write(name, pem(type, der));
  }

  /** PostgreSQL and the driver refuse a private key that others can read. */
  private Path writePrivate(String name, byte[] content) {
    Path file = write(name, content);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private Path write(String name, byte[] content) {
    try {
      return Files.write(directory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
