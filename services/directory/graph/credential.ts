import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/** How the bot signs in to Microsoft Graph (application permissions, no user). */
export type GraphCredentialOptions =
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | {
      kind: 'certificate';
      tenantId: string;
      clientId: string;
      /** PEM file with the private key and the certificate. */
      certificatePath: string;
      certificatePassword?: string;
    }
  /** System-assigned identity, or the user-assigned one with this client id. */
  | { kind: 'managed-identity'; clientId?: string };

export function createGraphCredential(options: GraphCredentialOptions): TokenCredential {
  switch (options.kind) {
    case 'client-secret':
      return new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret);
    case 'certificate':
      return new ClientCertificateCredential(options.tenantId, options.clientId, {
        certificatePath: options.certificatePath,
        certificatePassword: options.certificatePassword,
      });
    case 'managed-identity':
      return options.clientId
        ? new ManagedIdentityCredential({ clientId: options.clientId })
        : new ManagedIdentityCredential();
  }
}
