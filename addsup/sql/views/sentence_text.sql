-- The text of a sentence from its article: a body sentence by its offsets into the text, a
-- headline sentence (negative offsets, counted back from the body's start) from the title.
CREATE OR REPLACE MACRO sentence_text(title, body, start_char, end_char) AS
    CASE WHEN start_char < 0
         THEN substr(title, length(title) + 2 + start_char, end_char - start_char)
         ELSE substr(body, start_char + 1, end_char - start_char) END;
