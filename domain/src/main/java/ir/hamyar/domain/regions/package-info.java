/**
 * Iran's provinces and counties (official divisions of 1402), shipped as reference data by migration V2.
 * The façade {@link ir.hamyar.domain.regions.Regions} is the only way in; the data never changes at run time.
 */
package ir.hamyar.domain.regions;
