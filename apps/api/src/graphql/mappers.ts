/** Internal representations behind the GraphQL types (codegen `mappers`). */
import type { DocNode, DocumentTree, TextStyle } from '@strata/document';
import type { ApiToken, Membership, Project, User, Version } from '../models/db.js';

export type UserRow = User;
export type ApiTokenRow = ApiToken;
export type ProjectRow = Project;
export type MemberRow = Membership;
export type VersionRow = Omit<Version, 'state'>;

export interface DocumentValue {
  tree: DocumentTree;
}

/** A node of a tree, flattened (see flattenTree). */
export interface FlatNode {
  node: DocNode;
  parentId: string | null;
  index: number;
  depth: number;
}

/** A GraphQL TreeNode as a plain object (default resolvers only: trees have hundreds of nodes). */
export interface TreeNodeValue {
  id: string;
  parentId: string | null;
  index: number;
  depth: number;
  type: 'group' | 'layer';
  kind: 'raster' | 'text' | null;
  name: string;
  visible: boolean;
  locked: boolean;
  opacity: number;
  blendMode: string;
  x: number;
  y: number;
  width: number | null;
  height: number | null;
  blob: BlobRefValue | null;
  expanded: boolean | null;
  text: TextStyle | null;
}

export interface BlobRefValue {
  sha256: string;
}

export type TextStyleValue = TextStyle;

/** What `node(id)` resolves: a row tagged with its GraphQL type. */
export type NodeValue =
  | ({ __typename: 'User' } & UserRow)
  | ({ __typename: 'ApiToken' } & ApiTokenRow)
  | ({ __typename: 'Project' } & ProjectRow)
  | ({ __typename: 'Member' } & MemberRow)
  | ({ __typename: 'Version' } & VersionRow);

export type RoleValue = 'owner' | 'editor' | 'viewer';
export type VersionReasonValue = 'manual' | 'auto' | 'decomposition' | 'import' | 'restore';
export type NodeTypeValue = 'group' | 'layer';
export type LayerKindValue = 'raster' | 'text';
export type TextAlignValue = 'left' | 'center' | 'right';
