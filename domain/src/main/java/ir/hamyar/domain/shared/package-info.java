/**
 * Value objects every domain module shares (phone numbers, national codes, platform identities).
 */
package ir.hamyar.domain.shared;
