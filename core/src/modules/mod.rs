//! The desk's modules, one folder each. A module owns its record kinds (and their specs), its
//! forms, indexes, search plans and services. Modules use the kernel, the value types and the
//! modules they build on (inspections use photos and work orders); never the registry or the
//! desk-wide services. The registry (`crate::registry`) lists them.

pub mod complaints;
pub mod contacts;
pub mod deposits;
pub mod fees;
pub mod handover;
pub mod inspections;
pub mod keys;
pub mod memo;
pub mod parcels;
pub mod photos;
pub mod promises;
pub mod release_passes;
pub mod residents;
pub mod retention;
pub mod staff;
pub mod visitors;
pub mod work_orders;
