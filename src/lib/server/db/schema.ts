/**
 * The whole database schema (what drizzle-kit reads and the code imports): the core tables
 * (regions, steunpunten, users, audit, mail, kennisbank) and one file per domain.
 */
export * from './schema-core';
export * from './schema-contacten';
export * from './schema-buddies';
export * from './schema-activiteiten';
