// Public pages ship no JavaScript: they work on any phone, fast, and without JS by design.
export const csr = false;
