# Writes a C++ source holding the text of each rule file, so the binary carries
# its default rules. Invoked by CMake with -DOUT=... -DRULE_FILES="a;b;...".
set(_out "// Generated from src/annotate/rules/*.tsv by scripts/embed_rules.cmake. Do not edit.\n")
string(APPEND _out "#include \"annotate/builtin_rules.h\"\n\nnamespace cd::annotate {\n\n")
string(APPEND _out "const std::vector<BuiltinRuleFile>& builtin_rule_files() {\n")
string(APPEND _out "  static const std::vector<BuiltinRuleFile> files = {\n")
# CMakeLists.txt passes the list through the shell as one quoted word, so the
# separators arrive as spaces rather than semicolons: split it back.
if(NOT RULE_FILES MATCHES ";")
  separate_arguments(RULE_FILES UNIX_COMMAND "${RULE_FILES}")
endif()
list(SORT RULE_FILES)
foreach(f IN LISTS RULE_FILES)
  get_filename_component(_name ${f} NAME)
  file(READ ${f} _text)
  # Raw string with a delimiter that rule text will not contain.
  string(APPEND _out "    {\"rules/${_name}\", R\"cdrules(${_text})cdrules\"},\n")
endforeach()
string(APPEND _out "  };\n  return files;\n}\n\n}  // namespace cd::annotate\n")
file(WRITE ${OUT}.tmp "${_out}")
file(RENAME ${OUT}.tmp ${OUT})
