//! The shape of a module's registration: its slug and name, its record kinds' specs, whether
//! it can be exported on its own, and how it makes demo records. Each module declares one
//! `MODULE`; the registry lists them.

use crate::lang::Lang;
use crate::record::Envelope;
use crate::sample::Sample;
use crate::spec::KindSpec;

/// How a module makes demo records: `count` draws of `make` in the demo set.
#[derive(Clone, Copy)]
pub struct Demo {
    pub count: usize,
    pub make: fn(&mut Sample) -> Vec<Envelope>,
}

/// A module as the desk-wide services see it.
#[derive(Clone, Copy)]
pub struct ModuleSpec {
    pub slug: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub kinds: &'static [KindSpec],
    /// Whether a supervisor can export this module on its own.
    pub exportable: bool,
    /// Its settings as the audit trail names them (`visit.cutoff`), with their labels.
    pub settings: &'static [crate::spec::Label],
    /// Its demo records, if it has any.
    pub demo: Option<Demo>,
}

impl ModuleSpec {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}
