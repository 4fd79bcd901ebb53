// Password length limits, shared by the forms (client) and the server's strength check.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
