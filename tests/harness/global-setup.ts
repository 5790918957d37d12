// Placeholder: the harness helper replaces this with the PostgreSQL cluster + data import setup.
export default async function setup() {}
