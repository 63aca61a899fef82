/** A secret as the settings screen is shown it: its last four characters behind bullets. */
export function maskSecret(secret: string): string {
  if (secret === '') return '';
  return secret.length <= 4 ? '••••' : `••••${secret.slice(-4)}`;
}

/** Whether a value sent back is the mask it was shown (so: "keep the saved one"), not a typed secret. */
export function isMaskedSecret(value: string): boolean {
  return value.includes('•');
}
