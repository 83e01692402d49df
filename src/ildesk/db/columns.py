"""The tables and columns of the content database, as `ildesk.db.models` defines them.

Opening a database checks it against this list without importing SQLAlchemy (which
would cost a second at start-up); tests/test_builder.py keeps it equal to the models.
"""

COLUMNS: dict[str, tuple[str, ...]] = {
    "alias": ("page_id", "position", "name", "key",),
    "antagonism": ("interleukin_id", "antagonist_id",),
    "approval": (
        "id", "drug_id", "position", "region", "regulator", "date", "year", "indication_id",
        "population", "status", "brand", "ended", "note",
    ),
    "article": ("id", "body",),
    "biosimilar": ("drug_id", "position", "name", "brands", "regions", "year",),
    "cell_ancestor": ("cell_type_id", "ancestor_id",),
    "cell_link": ("interleukin_id", "cell_type_id", "role", "note", "position",),
    "cell_type": ("id", "cl_id", "parents", "description",),
    "chain": (
        "id", "symbol", "cd", "hgnc_id", "ncbi_gene_id", "uniprot", "location", "shared",
        "kinases", "description", "sources",
    ),
    "complex_chain": ("complex_id", "position", "chain_id",),
    "disease": ("id", "mondo_id", "mesh_id", "category", "parents", "description",),
    "disease_ancestor": ("disease_id", "ancestor_id",),
    "disease_link": ("interleukin_id", "disease_id", "kind", "note", "position",),
    "drug": (
        "id", "kind", "brands", "status", "approval_year", "approval_note", "description",
        "side_effects", "sources", "label", "checked_on", "coverage", "approvals_unlisted",
    ),
    "drug_clinical": (
        "drug_id", "route", "dosing_interval", "boxed_warning", "screening", "monitoring",
        "live_vaccines", "pregnancy_lactation",
    ),
    "drug_indication": ("drug_id", "disease_id", "position",),
    "drug_interleukin": ("drug_id", "interleukin_id",),
    "drug_target": ("id", "drug_id", "position", "binds", "interleukins", "effect", "action",),
    "exclusion": ("id", "name", "brands", "target", "reason", "source",),
    "exclusion_name": ("key", "exclusion_id",),
    "family": ("id", "name", "description", "shared_chains", "position",),
    "gene": (
        "id", "interleukin_id", "position", "symbol", "hgnc_id", "ncbi_gene_id", "uniprot",
        "location", "length_aa", "subunit",
    ),
    "interleukin": (
        "id", "abbreviation", "family_id", "other_families", "status", "status_note", "fold",
        "mature_aa", "mass_kda", "discovery_year", "discovery_text", "route", "signalling_note",
        "target_genes", "functions", "therapy", "side_effects", "sources", "notes",
    ),
    "marketing": ("drug_id", "position", "region", "brands", "marketed", "note",),
    "meta": ("key", "value",),
    "molecule": (
        "id", "symbol", "kind", "hgnc_id", "ncbi_gene_id", "uniprot", "description", "sources",
    ),
    "page": ("id", "kind", "name", "short", "summary", "sort_key",),
    "page_reference": ("page_id", "pmid", "position",),
    "receptor_complex": ("id", "interleukin_id", "position", "name", "kind", "note",),
    "reference": ("pmid", "title", "year",),
    "signal_link": ("interleukin_id", "molecule_id", "role", "position",),
}
