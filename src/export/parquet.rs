//! Parquet tables for DuckDB, polars, pandas/pyarrow and Spark: `nodes.parquet`,
//! `edges.parquet`, `events.parquet`, with the columns of the [`table`](super::table)
//! module.
//!
//! Column types follow the tables: strings are `BYTE_ARRAY` annotated `STRING`
//! (codes too: CAMEO "010" stays a string), integers `INT64`, floats `DOUBLE`,
//! flags `BOOLEAN`. Columns that can be missing are `OPTIONAL` and hold real nulls
//! (not empty strings, unlike CSV). Each file is one row group, uncompressed: our
//! graphs are small, and every reader handles plain encoding. Written with the
//! `parquet` crate's low-level column writer, without arrow, so the dependency stays
//! light; output is byte-for-byte deterministic.

use super::table::{Cell, ColumnType, Table};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use parquet::basic::{LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::sync::Arc;

/// A table as the bytes of a Parquet file.
pub fn write_table(t: &Table) -> Result<Vec<u8>> {
    if let Some((row, column)) = t.misfit() {
        return Err(Error::Export {
            message: format!(
                "{}.parquet: row {row}: bad value in column {column}",
                t.name
            ),
        });
    }
    write_inner(t).map_err(|e| Error::Export {
        message: format!("{}.parquet: {e}", t.name),
    })
}

/// The three files of a Parquet export: `nodes.parquet`, `edges.parquet`,
/// `events.parquet` (every event, firm or not).
pub fn files(graph: &KnowledgeGraph) -> Result<Vec<(String, Vec<u8>)>> {
    super::table::all(graph)
        .iter()
        .map(|t| Ok((format!("{}.parquet", t.name), write_table(t)?)))
        .collect()
}

fn write_inner(t: &Table) -> parquet::errors::Result<Vec<u8>> {
    let fields = t
        .columns
        .iter()
        .map(|c| {
            let (physical, logical) = match c.ty {
                ColumnType::Str => (PhysicalType::BYTE_ARRAY, Some(LogicalType::String)),
                ColumnType::Int => (PhysicalType::INT64, None),
                ColumnType::Float => (PhysicalType::DOUBLE, None),
                ColumnType::Bool => (PhysicalType::BOOLEAN, None),
            };
            let repetition = if c.nullable {
                Repetition::OPTIONAL
            } else {
                Repetition::REQUIRED
            };
            Type::primitive_type_builder(&c.name, physical)
                .with_repetition(repetition)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<parquet::errors::Result<Vec<_>>>()?;
    let schema = Arc::new(
        Type::group_type_builder(t.name)
            .with_fields(fields)
            .build()?,
    );
    let props = Arc::new(
        WriterProperties::builder()
            .set_created_by(format!("diplograph {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let mut buf = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema, props)?;
    if !t.rows.is_empty() {
        let mut group = writer.next_row_group()?;
        let mut i = 0;
        while let Some(mut column) = group.next_column()? {
            let spec = &t.columns[i];
            let cells = t.rows.iter().map(|r| &r[i]);
            let defs: Vec<i16> = cells.clone().map(|c| i16::from(*c != Cell::Null)).collect();
            let defs = spec.nullable.then_some(defs.as_slice());
            match spec.ty {
                ColumnType::Str => {
                    let v: Vec<ByteArray> = cells
                        .filter_map(|c| match c {
                            Cell::Str(s) => Some(ByteArray::from(s.as_str())),
                            _ => None,
                        })
                        .collect();
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&v, defs, None)?;
                }
                ColumnType::Int => {
                    let v: Vec<i64> = cells
                        .filter_map(|c| match c {
                            Cell::Int(n) => Some(*n),
                            _ => None,
                        })
                        .collect();
                    column.typed::<Int64Type>().write_batch(&v, defs, None)?;
                }
                ColumnType::Float => {
                    let v: Vec<f64> = cells
                        .filter_map(|c| match c {
                            Cell::Float(f) => Some(*f),
                            _ => None,
                        })
                        .collect();
                    column.typed::<DoubleType>().write_batch(&v, defs, None)?;
                }
                ColumnType::Bool => {
                    let v: Vec<bool> = cells
                        .filter_map(|c| match c {
                            Cell::Bool(b) => Some(*b),
                            _ => None,
                        })
                        .collect();
                    column.typed::<BoolType>().write_batch(&v, defs, None)?;
                }
            }
            column.close()?;
            i += 1;
        }
        group.close()?;
    }
    writer.close()?;
    Ok(buf)
}
