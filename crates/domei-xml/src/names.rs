//! The serialized names of unit enum variants, without allocating: a serde serializer
//! that accepts only unit variants and hands back their `&'static str` name.

use serde::ser::{self, Impossible, Serialize, Serializer};

/// Why a value has no name.
#[derive(Debug)]
pub(crate) struct NotAName(pub(crate) String);

impl std::fmt::Display for NotAName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotAName {}

impl ser::Error for NotAName {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NotAName(msg.to_string())
    }
}

/// The serializer: only `serialize_unit_variant` succeeds.
pub(crate) struct NameOf;

fn no<T>(what: &str) -> Result<T, NotAName> {
    Err(NotAName(format!("not a unit variant but {what}")))
}

impl Serializer for NameOf {
    type Ok = &'static str;
    type Error = NotAName;
    type SerializeSeq = Impossible<&'static str, NotAName>;
    type SerializeTuple = Impossible<&'static str, NotAName>;
    type SerializeTupleStruct = Impossible<&'static str, NotAName>;
    type SerializeTupleVariant = Impossible<&'static str, NotAName>;
    type SerializeMap = Impossible<&'static str, NotAName>;
    type SerializeStruct = Impossible<&'static str, NotAName>;
    type SerializeStructVariant = Impossible<&'static str, NotAName>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, NotAName> {
        Ok(variant)
    }
    fn serialize_bool(self, _: bool) -> Result<Self::Ok, NotAName> {
        no("a bool")
    }
    fn serialize_i8(self, _: i8) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_i16(self, _: i16) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_i32(self, _: i32) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_i64(self, _: i64) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_u8(self, _: u8) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_u16(self, _: u16) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_u32(self, _: u32) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_u64(self, _: u64) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_f32(self, _: f32) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_f64(self, _: f64) -> Result<Self::Ok, NotAName> {
        no("a number")
    }
    fn serialize_char(self, _: char) -> Result<Self::Ok, NotAName> {
        no("a char")
    }
    fn serialize_str(self, _: &str) -> Result<Self::Ok, NotAName> {
        no("a string")
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Self::Ok, NotAName> {
        no("bytes")
    }
    fn serialize_none(self) -> Result<Self::Ok, NotAName> {
        no("an option")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Self::Ok, NotAName> {
        no("an option")
    }
    fn serialize_unit(self) -> Result<Self::Ok, NotAName> {
        no("a unit")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Self::Ok, NotAName> {
        no("a unit struct")
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, NotAName> {
        no("a newtype struct")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, NotAName> {
        no("a newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAName> {
        no("a sequence")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAName> {
        no("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAName> {
        no("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAName> {
        no("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAName> {
        no("a map")
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAName> {
        no("a struct")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAName> {
        no("a struct variant")
    }
}
