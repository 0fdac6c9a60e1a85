// Public pages (and error pages) ship no JavaScript: they work on any phone, fast, and without
// JS by design. The back office turns client-side rendering on for itself.
export const csr = false;
