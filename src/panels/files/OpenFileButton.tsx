/** "Open a file": picks Seams journey files (.json, or .svg exported by Seams) and opens them. */
import { useRef } from "react";
import { ACCEPTED_FILES } from "./import-flow";
import { useImport } from "./importStore";

export function OpenFileButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Open a file
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        aria-label="Journey files to open"
        data-testid="open-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = "";
          useImport.getState().openFiles(files);
        }}
      />
    </>
  );
}
