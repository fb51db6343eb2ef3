"""English: the problems of outside input that ``sim`` raises (``sim.errors.CODES``), one text per code.

These texts say what sim's English messages say with the page's fields (a parameter by its label, numbers and months
as the page writes them); the other languages translate them. ``error.subject.*`` is what is being read, as a
sentence starts.
"""

TEXT = {
    "error.subject.document": "This scenario document",
    "error.subject.link": "This compare link",
    # a parameter's value (sim.spec)
    "error.unknown_parameter": "Unknown parameter '{name}'.",
    "error.out_of_range": "Parameter '{name}' must be between {low} and {high}, got {value}.",
    "error.wrong_kind": "Parameter '{name}' must be {kind} between {low} and {high}, got {got}.",
    "error.not_bool": "Parameter '{name}' must be true or false, got {got}.",
    "error.not_finite": "Parameter '{name}' must be a finite number between {low} and {high}, got {got}.",
    "error.month_order": "Parameter '{later}' ({late}) must not be before '{earlier}' ({early}).",
    # reading JSON: a scenario document or a compare link (sim.scenarios)
    "error.not_text": "{subject} must be text, got {got}.",
    "error.not_utf8": "{subject} is not UTF-8 text.",
    "error.too_long": "{subject} is too long ({size} characters; at most {limit}).",
    "error.not_json": "{subject} is not valid JSON (line {line}, column {column}).",
    "error.invalid_json": "{subject} is not valid: {problem}.",
    "error.repeated_key": "the key '{entry}' appears twice",
    "error.not_a_number": "{constant} is not a number a scenario may hold",
    "error.number_too_long": "a number has more digits than can be read",
    "error.too_deep": "{subject} is nested too deeply to be a scenario.",
    # a scenario document (sim.scenarios)
    "error.not_document": "This is not a scenario document: expected a JSON object with 'schema_version' and "
    "'parameters'.",
    "error.bad_schema_version": "The scenario document's 'schema_version' must be a whole number, got {got}.",
    "error.unknown_schema_version": "Unknown scenario schema version {version}: this simulator reads version "
    "{expected}. Export the scenario again from a matching version of the simulator.",
    "error.bad_launch_field": "The scenario document's 'launch' must be the name of a launch, as this page saves it.",
    "error.bad_parameters": "The scenario document's 'parameters' must be an object of name: value.",
    "error.unknown_launch": "This scenario is for a launch this simulator does not have; it cannot be opened here.",
    "error.other_launch": "This scenario is for the {found}, not the {wanted}; switch the launch to open it.",
    # a compare link (sim.scenarios)
    "error.no_version": "The compare link cannot be read: it has no version tag (expected it to start with "
    "'{expected}').",
    "error.unknown_version": "The compare link cannot be read: version '{version}' is not one this simulator reads "
    "(expected it to start with '{expected}').",
    "error.link_characters": "The compare link is damaged: it has characters or a length a link code cannot have.",
    "error.link_not_compressed": "The compare link is damaged: it does not decompress (was it cut short when copied?).",
    "error.link_too_big": "The compare link unpacks to more than {limit} bytes; it is not one this page made.",
    "error.link_incomplete": "The compare link is damaged: it is incomplete or has extra data (was it cut short when "
    "copied?).",
    "error.link_not_scenarios": "The compare link does not hold named scenarios.",
    "error.link_unknown_launch": "This compare link's scenario '{scenario}' is for a launch this simulator does not "
    "have; it cannot be opened here.",
    "error.link_other_launch": "This compare link's scenario '{scenario}' is for the {found}, not the {wanted}; switch "
    "the launch to open it.",
    "error.link_invalid_scenario": "The compare link has a scenario '{scenario}' that is not valid: {problem}",
    "error.too_many_scenarios": "At most {limit} scenarios fit in a link, got {count}.",
    "error.repeated_name": "Two scenarios are named '{scenario}' once spaces are tidied; give them different names.",
    "error.empty_name": "A scenario name must be non-empty text.",
    "error.name_too_long": "A scenario name must be at most {limit} characters, got {count}.",
    "error.save_too_long": "These scenarios make a link too long ({size} characters); remove some.",
    # an uploaded file (sim.bundle)
    "error.upload_empty": "The uploaded file is empty.",
    "error.upload_too_large": "The uploaded file is too large ({size} bytes; at most {limit}).",
    "error.upload_binary": "The uploaded file is binary: upload a scenario .json or a bundle .zip from this page.",
    "error.upload_not_text": "The uploaded file is not text: upload a scenario .json or a bundle .zip.",
    "error.zip_damaged": "The uploaded zip is damaged or uses a feature a bundle does not (e.g. encryption).",
    "error.zip_too_many_files": "The uploaded zip has {count} files; a bundle from this page has {expected}.",
    "error.zip_no_scenario": "The uploaded zip has no {file}: it is not a bundle from this page.",
    "error.zip_scenario_too_large": "The bundle's {file} is too large once unpacked (at most {limit} bytes).",
}
