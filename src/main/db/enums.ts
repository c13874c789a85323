// The value sets live in src/shared so contracts (zod) and the schema share one list.
export * from '../../shared/domain'
