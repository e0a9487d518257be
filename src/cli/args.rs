//! Command-line arguments (clap derive). Each field's doc comment is its `--help`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// diplograph: turn diplomatic news into a knowledge graph of actors, pledges and
/// statements.
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, about, long_about = None)]
pub struct Cli {
    /// Extra gazetteer entries (RON: countries, organizations, people, regions) that
    /// add to or override the bundled ones.
    #[arg(long, global = true, value_name = "FILE.ron")]
    pub gazetteer: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract actors and events, and merge them into the store.
    Ingest(IngestArgs),
    /// Extract from articles and print the result; no store is read or written.
    Extract(ExtractArgs),
    /// Who pledged what, to whom, when — with the evidence sentence.
    Pledges(EventArgs),
    /// Who said what, about whom — with the evidence sentence.
    Statements(EventArgs),
    /// List the actors in the store.
    Entities(EntitiesArgs),
    /// Everything about one actor: roles, memberships, pledges and statements.
    Show(ShowArgs),
    /// Write the graph for other tools: DOT, JSON, CSV, GraphML, GEXF, Parquet, PLOVER, Neo4j.
    Export(ExportArgs),
    /// Draw a relationship diagram of the graph or of one actor's neighbourhood
    /// (SVG, PNG, PDF or DOT, from the -o extension).
    Render(RenderArgs),
    /// Remove a document from the store, with every event only it reported.
    Forget(ForgetArgs),
    /// Combine stores (e.g. per-shard stores) into one, merging entities and events
    /// as ingest does.
    Merge(MergeArgs),
}

/// The store file option shared by commands that read it.
#[derive(Debug, Args)]
pub struct StoreArg {
    /// The store file.
    #[arg(
        long = "graph",
        short = 'g',
        value_name = "FILE",
        default_value = "diplograph.ron"
    )]
    pub graph: PathBuf,
}

/// Output file option.
#[derive(Debug, Args)]
pub struct OutArg {
    /// Write to this file (or directory, for the csv, parquet and neo4j exports)
    /// instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `ingest`
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Article files, directories (recursive: *.txt, *.md, *.jsonl), or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArg,
}

/// Formats of `extract`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per document (an array for several).
    Json,
    /// One JSON object per line, streaming.
    Jsonl,
    /// A human-readable listing.
    Table,
    /// Every sentence with its mentions, what they resolved to, and its events.
    Trace,
}

/// `extract`
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files, directories, JSON Lines corpora, or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: ExtractFormat,
    #[command(flatten)]
    pub out: OutArg,
}

/// Formats of event listings.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns with the evidence sentence.
    Table,
    /// A JSON array.
    Json,
    /// CSV with a header row.
    Csv,
}

/// `pledges` and `statements`
#[derive(Debug, Args)]
pub struct EventArgs {
    /// Only events by this actor (name, alias or id; case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Only pledges to this recipient.
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
    /// Only statements about this actor.
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Also list negated and hedged commitments ("did not commit", "could send").
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub out: OutArg,
}

/// `entities`
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only this kind: person, country, organization, group.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub out: OutArg,
}

/// `show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The actor (name, alias or id; case-insensitive).
    pub name: String,
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub out: OutArg,
}

/// `export`
#[derive(Debug, Args)]
#[command(after_long_help = EXPORT_HELP)]
pub struct ExportArgs {
    /// dot; json (networkx node-link); csv (nodes.csv, edges.csv, events.csv to -o
    /// DIR); graphml; gexf; parquet (nodes/edges/events.parquet to -o DIR); plover
    /// (PLOVER JSON Lines); neo4j (neo4j-admin import CSVs to -o DIR). Default: from
    /// the -o extension. See --help for loading each in other tools.
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<String>,
    #[command(flatten)]
    pub diagram: DiagramArgs,
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub out: OutArg,
}

/// What a diagram shows (`render`, and `export --format dot`).
#[derive(Debug, Args)]
pub struct DiagramArgs {
    /// Only the neighbourhood of this actor (name, alias or id).
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// Radius of the neighbourhood around --focus.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Only these event kinds, comma-separated: pledge,statement,consult,request,
    /// threaten,sanction.
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Draw actors with no visible edge too.
    #[arg(long)]
    pub isolated: bool,
    /// Draw events with no target as loops on their actor.
    #[arg(long)]
    pub untargeted: bool,
    /// Leave out role and membership links.
    #[arg(long)]
    pub no_links: bool,
    /// Leave out the title and legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Arrangement: auto (layered up to 60 actors, network above), layered, network.
    #[arg(long, value_name = "LAYOUT", default_value = "auto")]
    pub layout: String,
    /// Boxes around persons and whom they represent: auto (render: on, falling back
    /// to off if Graphviz fails on them; export: off), on, off.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub clusters: String,
}

/// `render`
#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub diagram: DiagramArgs,
    /// Picture format: svg, png, pdf or dot (default: from the -o extension).
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<String>,
    /// Who lays it out: auto (Graphviz if `dot` is installed, else built-in; the
    /// built-in layout makes SVG only), graphviz, builtin.
    #[arg(long, value_name = "ENGINE", default_value = "auto")]
    pub engine: String,
    #[command(flatten)]
    pub store: StoreArg,
    /// Write the picture to this file (its extension gives the format); without it,
    /// standard output (then --format is needed).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How to load each export, shown under `diplograph export --help`.
const EXPORT_HELP: &str = "\
Loading the exports:
  json     nx.node_link_graph(json.load(f), edges=\"edges\")      (a MultiDiGraph)
  csv      pd.read_csv(\"DIR/events.csv\", dtype={\"cameo\": str})
  graphml  nx.read_graphml(\"g.graphml\", force_multigraph=True)   (Gephi: File > Open)
  gexf     nx.read_gexf(\"g.gexf\")                                (Gephi: File > Open)
  parquet  duckdb.sql(\"SELECT * FROM 'DIR/events.parquet'\"); pd.read_parquet(...)
  plover   pd.read_json(\"diplograph.jsonl\", lines=True)
  neo4j    cd DIR && neo4j-admin database import full neo4j --overwrite-destination \\
             --nodes=nodes-person.csv --nodes=nodes-country.csv \\
             --nodes=nodes-organization.csv --nodes=nodes-group.csv \\
             --relationships=rels-pledge.csv --relationships=rels-statement.csv \\
             --relationships=rels-consult.csv --relationships=rels-request.csv \\
             --relationships=rels-threaten.csv --relationships=rels-sanction.csv \\
             --relationships=rels-role.csv --relationships=rels-member.csv
           (the exact command is printed after `export --format neo4j -o DIR`)";

/// `forget`
#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// Document ids to remove.
    #[arg(required = true, value_name = "DOC")]
    pub docs: Vec<String>,
    #[command(flatten)]
    pub store: StoreArg,
}

/// `merge`
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The stores to combine (RON, or binary .bin/.dgb), in order: a document in
    /// several stores is taken from the last one.
    #[arg(required = true, value_name = "STORE")]
    pub stores: Vec<PathBuf>,
    /// The combined store to write (its extension picks the encoding).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
}
