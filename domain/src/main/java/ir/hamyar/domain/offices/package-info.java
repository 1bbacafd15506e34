/**
 * Offices of the network (province office → county office → local centre), the route a local problem takes
 * up that chain, and the manager group chat each office links as its alert channel.
 * {@link ir.hamyar.domain.offices.Offices} is the façade; it answers with views and result codes and publishes
 * {@link ir.hamyar.domain.offices.OfficeCreated} and {@link ir.hamyar.domain.offices.OfficeGroupLost}.
 */
package ir.hamyar.domain.offices;
