package corpus

// htmlParagraphs is replaced by the HTML reader.
func htmlParagraphs(text, name string, base int) ([]paragraph, map[string]string, error) {
	return textParagraphs(text), nil, nil
}

func markdownParagraphs(text, name string) ([]paragraph, map[string]string, error) {
	return textParagraphs(text), nil, nil
}
