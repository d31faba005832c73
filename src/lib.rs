//! thamdinh: appraisal of the Public Administration Reform Index (PAR Index) of a province's
//! units, from the criteria tree to the published ranking.

pub mod domain;
