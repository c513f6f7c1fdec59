// X.509 certificates for the local identity endpoint. node:crypto generates keys and reads certificates but cannot
// issue them, so node-forge builds and signs the certificate; the RSA keys come from node:crypto (fast, native).
//   - a CA and a server certificate for 127.0.0.1 / localhost, made when the sandbox starts (the CA goes to a file
//     the caller passes as NODE_EXTRA_CA_CERTS, read by Node at process start);
//   - client certificates for the certificate credential (tests make valid and expired ones).
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import * as forge from 'node-forge';

export interface KeyAndCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-1 and SHA-256 of the DER certificate, upper-case hex: what Entra shows and what a client assertion's x5t names. */
  thumbprintSha1: string;
  thumbprintSha256: string;
  notBefore: Date;
  notAfter: Date;
}

export interface CertificateRequest {
  commonName: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Signs with this CA instead of self-signing. */
  issuer?: KeyAndCertificate;
  isCa?: boolean;
  /** Server certificate names (IP addresses and DNS names). */
  altNames?: { ip?: string[]; dns?: string[] };
}

function rsaKeyPair(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function issueCertificate(req: CertificateRequest): KeyAndCertificate {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = `01${createHash('sha1').update(keys.publicPem).digest('hex').slice(0, 30)}`;
  const notBefore = req.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = req.notAfter ?? new Date(notBefore.getTime() + 365 * 86_400_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = [{ name: 'commonName', value: req.commonName }];
  cert.setSubject(subject);
  cert.setIssuer(req.issuer ? forge.pki.certificateFromPem(req.issuer.certPem).subject.attributes : subject);
  const extensions: object[] = [{ name: 'basicConstraints', cA: Boolean(req.isCa), critical: Boolean(req.isCa) }];
  if (req.isCa) extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true });
  else extensions.push({ name: 'keyUsage', digitalSignature: true, keyEncipherment: true });
  if (req.altNames) {
    extensions.push({ name: 'extKeyUsage', serverAuth: true });
    extensions.push({
      name: 'subjectAltName',
      altNames: [
        ...(req.altNames.ip ?? []).map((ip) => ({ type: 7, ip })),
        ...(req.altNames.dns ?? []).map((value) => ({ type: 2, value })),
      ],
    });
  }
  cert.setExtensions(extensions);
  const signer = forge.pki.privateKeyFromPem(req.issuer?.keyPem ?? keys.privatePem);
  cert.sign(signer, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { certPem, keyPem: keys.privatePem, ...thumbprints(certPem), notBefore, notAfter };
}

export function thumbprints(certPem: string): { thumbprintSha1: string; thumbprintSha256: string } {
  const der = new X509Certificate(certPem).raw;
  return {
    thumbprintSha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

export interface ServerTls {
  ca: KeyAndCertificate;
  server: KeyAndCertificate;
}

/** A CA and a certificate for 127.0.0.1 and localhost signed by it. */
export function localServerTls(): ServerTls {
  const ca = issueCertificate({ commonName: 'pim-groups sandbox local CA', isCa: true });
  const server = issueCertificate({
    commonName: '127.0.0.1',
    issuer: ca,
    altNames: { ip: ['127.0.0.1'], dns: ['localhost'] },
  });
  return { ca, server };
}
